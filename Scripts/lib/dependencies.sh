# Installs the system packages the project needs: libyaml's and zlib's headers,
# pkg-config, and curl (the cassette server's tests run it as a client).
# Sourced by the scripts in Scripts/.
install_dependencies() {
    command -v swift >/dev/null || { echo "swift is not on PATH: install Swift 6 from swift.org" >&2; exit 1; }
    if [ "$(uname)" = Darwin ]; then
        pkg-config --exists yaml-0.1 2>/dev/null || brew install libyaml pkg-config
        return
    fi
    local missing=()
    command -v pkg-config >/dev/null || missing+=(pkg-config)
    pkg-config --exists yaml-0.1 2>/dev/null || missing+=(libyaml-dev)
    [ -f /usr/include/zlib.h ] || missing+=(zlib1g-dev)
    command -v curl >/dev/null || missing+=(curl)
    [ "${#missing[@]}" -eq 0 ] && return
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

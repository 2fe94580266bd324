# Installs the system packages the project needs: libyaml's headers and pkg-config,
# and curl (the cassette server's tests run it as a client).
# Sourced by the scripts in Scripts/.
install_dependencies() {
    command -v swift >/dev/null || { echo "swift is not on PATH: install Swift 6 from swift.org" >&2; exit 1; }
    if pkg-config --exists yaml-0.1 2>/dev/null && command -v curl >/dev/null; then return; fi
    if [ "$(uname)" = Darwin ]; then
        brew install libyaml pkg-config curl
        return
    fi
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libyaml-dev pkg-config curl >/dev/null
}

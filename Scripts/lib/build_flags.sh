# The flags the scripts pass to every `swift build` and `swift test`: with
# CI=true (as .ci/run sets it), warnings are errors. Sourced by the scripts in Scripts/.
build_flags=()
if [ "${CI:-}" = true ]; then
    build_flags=(-Xswiftc -warnings-as-errors)
fi

// swift-tools-version:6.0
import PackageDescription

// A libFuzzer target for the cassette reader and writer, kept apart from the
// root package so users never build it. `Scripts/fuzz` builds and runs it.
let package = Package(
    name: "swift-vcr-fuzz",
    dependencies: [.package(name: "swift-vcr", path: "..")],
    targets: [
        .executableTarget(
            name: "CassetteFuzzer",
            dependencies: [.product(name: "VCRCassette", package: "swift-vcr")],
            swiftSettings: [.unsafeFlags(["-sanitize=fuzzer,address", "-parse-as-library"])],
            linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address", "-use-ld=lld"])]
        )
    ]
)

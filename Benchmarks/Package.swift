// swift-tools-version:6.0
import PackageDescription

/// The benchmark of swift-vcr, a package of its own so that what it compares
/// against (Yams, libyaml's own emitter, a SwiftNIO loopback server) never
/// becomes a dependency of the library. `Scripts/bench` builds and runs it.
let package = Package(
    name: "swift-vcr-benchmarks",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "vcr-benchmark", targets: ["VCRBenchmark"])
    ],
    dependencies: [
        .package(name: "swift-vcr", path: ".."),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibYAML",
            path: "Sources/CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .executableTarget(
            name: "VCRBenchmark",
            dependencies: [
                "CLibYAML",
                .product(name: "VCR", package: "swift-vcr"),
                .product(name: "VCRCassette", package: "swift-vcr"),
                .product(name: "VCRServer", package: "swift-vcr"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
    ]
)

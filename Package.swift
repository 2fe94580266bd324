// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "swift-vcr",
    platforms: [.macOS(.v13), .iOS(.v16)],
    products: [
        .library(name: "VCRCassette", targets: ["VCRCassette"]),
        .library(name: "VCR", targets: ["VCR"]),
        .library(name: "VCRTesting", targets: ["VCRTesting"]),
        .executable(name: "vcr", targets: ["VCRCommand"]),
        .executable(name: "vcr-benchmark", targets: ["VCRBenchmark"]),
        .executable(name: "vcr-demo", targets: ["VCRDemo"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-openapi-urlsession", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "VCRCassette", dependencies: ["CYAML"]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "VCR", dependencies: ["VCRCassette", "CZlib"]),
        .target(name: "VCRTesting", dependencies: ["VCR"]),
        .executableTarget(
            name: "VCRCommand",
            dependencies: ["VCR", "VCRCassette", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "VCRDemo", dependencies: ["VCR"]),
        .executableTarget(
            name: "VCRBenchmark",
            dependencies: [
                "VCR", "VCRCassette", "CYAML",
                .product(name: "Yams", package: "Yams"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // A child process the tests start to save cassettes from another process; not a product.
        .executableTarget(name: "VCRTestChild", dependencies: ["VCR", "VCRCassette"], path: "Tests/VCRTestChild"),
        .testTarget(name: "VCRCassetteTests", dependencies: ["VCRCassette", "CYAML"]),
        .testTarget(name: "VCRTestingTests", dependencies: ["VCRTesting", "VCR", "VCRCassette"]),
        .testTarget(name: "ExampleTests", dependencies: ["VCRTesting", "VCR", "VCRCassette"]),
        .testTarget(
            name: "VCRCommandTests",
            dependencies: ["VCRCommand", "VCRCassette", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "VCRTests",
            dependencies: [
                "VCR",
                "VCRTestChild",
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIURLSession", package: "swift-openapi-urlsession"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
    ]
)

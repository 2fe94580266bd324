// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "swift-vcr",
    platforms: [.macOS(.v13), .iOS(.v16)],
    products: [
        .library(name: "VCRCassette", targets: ["VCRCassette"]),
        .library(name: "VCR", targets: ["VCR"]),
        .library(name: "VCRTesting", targets: ["VCRTesting"]),
        .library(name: "VCRServer", targets: ["VCRServer"]),
        .library(name: "VCRServerTesting", targets: ["VCRServerTesting"]),
        .executable(name: "vcr", targets: ["VCRCommand"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
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
        .target(
            name: "VCRServer",
            dependencies: [
                "VCR", "VCRCassette",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ]
        ),
        .target(name: "VCRServerTesting", dependencies: ["VCRServer", "VCRTesting", "VCR"]),
        .executableTarget(
            name: "VCRCommand",
            dependencies: [
                "VCR", "VCRCassette", "VCRServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `Scripts/demo`; an executable target but not a product, so users never see it.
        .executableTarget(name: "VCRDemo", dependencies: ["VCR"]),
        // A child process the tests start to save cassettes from another process; not a product.
        .executableTarget(name: "VCRTestChild", dependencies: ["VCR", "VCRCassette"], path: "Tests/VCRTestChild"),
        .testTarget(name: "VCRCassetteTests", dependencies: ["VCRCassette", "CYAML", "TestSupport"]),
        .testTarget(
            name: "VCRServerTests",
            dependencies: [
                "VCRServer", "VCRServerTesting", "VCR", "VCRCassette", "TestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "VCRTestingTests", dependencies: ["VCRTesting", "VCR", "VCRCassette", "TestSupport"]),
        .testTarget(name: "ExampleTests", dependencies: ["VCRTesting", "VCR", "VCRCassette", "TestSupport"]),
        .testTarget(
            name: "VCRCommandTests",
            dependencies: [
                "VCRCommand", "VCRCassette", "TestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What several test targets share: the package's files, temporary folders, built
        // executables and the in-process HTTP server; not a product.
        .target(
            name: "TestSupport",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "VCRTests",
            dependencies: [
                "VCR",
                "VCRTestChild",
                "TestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
    ]
)

// swift-tools-version:6.0
import PackageDescription

// Tests of swift-vcr with third-party clients. A package of its own, so that
// users of swift-vcr never resolve these clients: `swift test` in this folder.
let package = Package(
    name: "swift-vcr-integration-tests",
    platforms: [.macOS(.v13), .iOS(.v16)],
    dependencies: [
        .package(name: "swift-vcr", path: ".."),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", exact: "0.12.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .testTarget(
            name: "MCPClientTests",
            dependencies: [
                .product(name: "VCR", package: "swift-vcr"),
                .product(name: "VCRTesting", package: "swift-vcr"),
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        )
    ]
)

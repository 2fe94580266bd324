// swift-tools-version:6.0
import PackageDescription

// Tests of swift-vcr with third-party clients. A package of its own, so that
// users of swift-vcr never resolve these clients: `swift test` in this folder
// (`Scripts/test` runs it after the package's own tests).
let package = Package(
    name: "swift-vcr-integration-tests",
    platforms: [.macOS(.v13), .iOS(.v16)],
    dependencies: [
        .package(name: "swift-vcr", path: ".."),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", exact: "0.12.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/apple/swift-openapi-urlsession", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
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
        ),
        .testTarget(
            name: "OpenAPITransportTests",
            dependencies: [
                .product(name: "VCR", package: "swift-vcr"),
                .product(name: "VCRCassette", package: "swift-vcr"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIURLSession", package: "swift-openapi-urlsession"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .testTarget(
            name: "AsyncHTTPClientTests",
            dependencies: [
                .product(name: "VCRServer", package: "swift-vcr"),
                .product(name: "VCR", package: "swift-vcr"),
                .product(name: "VCRCassette", package: "swift-vcr"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
    ]
)

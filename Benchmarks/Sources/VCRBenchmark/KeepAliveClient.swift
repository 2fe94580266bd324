import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A SwiftNIO HTTP/1.1 client that sends requests one after another on one
/// keep-alive connection and reads each whole response: the same client for
/// the cassette server and for its floor.
enum KeepAliveClient {
    /// One request: a POST of a JSON body to a path.
    struct Request: Sendable {
        var path: String
        var body: ByteBuffer
    }

    /// Sends `requests` in order on one new connection to 127.0.0.1:`port`;
    /// returns the body bytes received.
    static func send(_ requests: ArraySlice<Request>, port: Int) async throws -> Int {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(
                        wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            var responses = inbound.makeAsyncIterator()
            var total = 0
            for request in requests {
                var headers = HTTPHeaders([
                    ("Host", "127.0.0.1:\(port)"), ("Content-Type", "application/json"), ("Accept", "application/json"),
                ])
                headers.add(name: "Content-Length", value: String(request.body.readableBytes))
                let head = HTTPRequestHead(version: .http1_1, method: .POST, uri: request.path, headers: headers)
                try await outbound.write(contentsOf: [.head(head), .body(.byteBuffer(request.body)), .end(nil)])
                var bytes = 0
                reading: while let part = try await responses.next() {
                    switch part {
                    case .head(let response):
                        guard response.status == .ok else {
                            throw BenchmarkFailure("\(request.path) answered \(response.status)")
                        }
                    case .body(let buffer):
                        bytes += buffer.readableBytes
                    case .end:
                        break reading
                    }
                }
                guard bytes > 0 else { throw BenchmarkFailure("\(request.path) answered no body") }
                total += bytes
            }
            return total
        }
    }

    /// Sends `requests` over `connections` connections at once, each taking
    /// its share in order; returns the body bytes received.
    static func send(_ requests: [Request], port: Int, connections: Int) async throws -> Int {
        let share = (requests.count + connections - 1) / connections
        return try await withThrowingTaskGroup(of: Int.self) { group in
            for start in stride(from: 0, to: requests.count, by: share) {
                let slice = requests[start..<min(start + share, requests.count)]
                group.addTask { try await send(slice, port: port) }
            }
            return try await group.reduce(0, +)
        }
    }
}

import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// What users would otherwise build: an HTTP/1.1 server on 127.0.0.1 that
/// answers every request with the same recorded bytes.
final class LoopbackServer {
    /// The loop group the server made for itself; nil when it runs on a given one.
    private let ownGroup: MultiThreadedEventLoopGroup?
    private let channel: any Channel

    /// The port the server listens on.
    let port: Int

    /// Starts a server on an ephemeral port of 127.0.0.1, serving `body`, on
    /// `group`, or on a one-thread group of its own.
    convenience init(body: Data, group given: (any EventLoopGroup)? = nil) throws {
        try self.init(response: .whole(body), group: given)
    }

    /// Starts a server on an ephemeral port of 127.0.0.1 answering every
    /// request with `response`, on `group`, or on a one-thread group of its own.
    ///
    /// - Parameter validatesHeaders: Whether NIO checks every outbound head
    ///   (its default); the cassette server does not, having built its own.
    init(response: ConstantResponse, validatesHeaders: Bool = true, group given: (any EventLoopGroup)? = nil) throws {
        ownGroup = given == nil ? MultiThreadedEventLoopGroup(numberOfThreads: 1) : nil
        guard let group = given ?? ownGroup else { throw BenchmarkFailure("no event loop group") }
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 64)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(
                        withOutboundHeaderValidation: validatesHeaders)
                    try channel.pipeline.syncOperations.addHandler(ConstantResponder(response: response))
                }
            }
        do {
            channel = try bootstrap.bind(host: "127.0.0.1", port: 0).wait()
        } catch {
            try? ownGroup?.syncShutdownGracefully()
            throw error
        }
        port = channel.localAddress?.port ?? 0
    }

    /// Closes the listening socket and stops the event loop it made.
    func shutdown() throws {
        try channel.close().wait()
        try ownGroup?.syncShutdownGracefully()
    }
}

/// The response a ``LoopbackServer`` gives every request.
struct ConstantResponse: Sendable {
    /// The header fields; the framing (`Content-Length` or chunked) is added as the parts need.
    var headers: HTTPHeaders
    /// The body: one part is sent with a `Content-Length`, several as one HTTP chunk each.
    var parts: [ByteBuffer]

    /// `body` as an event stream, in one buffer with a `Content-Length`.
    static func whole(_ body: Data) -> ConstantResponse {
        ConstantResponse(
            headers: ["Content-Type": "text/event-stream; charset=utf-8"], parts: [ByteBuffer(bytes: body)])
    }

    /// `body`, a server-sent-event stream, cut after each event (each blank
    /// line) and sent as one HTTP chunk per event, with the fields `headers`:
    /// the wire form of a streamed response.
    static func events(_ body: Data, headers: HTTPHeaders) -> ConstantResponse {
        var parts: [ByteBuffer] = []
        var start = body.startIndex
        var index = body.startIndex
        while index < body.endIndex {
            index = body.index(after: index)
            let atEventEnd = index - body.startIndex >= 2 && body[index - 1] == 0x0A && body[index - 2] == 0x0A
            if atEventEnd || index == body.endIndex {
                parts.append(ByteBuffer(bytes: body[start..<index]))
                start = index
            }
        }
        return ConstantResponse(headers: headers, parts: parts)
    }
}

/// Answers each complete request with status 200 and the same response.
private final class ConstantResponder: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let response: ConstantResponse
    private var keepAlive = true

    init(response: ConstantResponse) {
        self.response = response
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            keepAlive = head.isKeepAlive
        case .body:
            break
        case .end:
            var headers = response.headers
            if response.parts.count == 1 {
                headers.add(name: "Content-Length", value: String(response.parts[0].readableBytes))
            } else {
                headers.add(name: "Transfer-Encoding", value: "chunked")
            }
            if !keepAlive { headers.add(name: "Connection", value: "close") }
            context.write(
                wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil
            )
            for part in response.parts {
                context.write(wrapOutboundOut(.body(.byteBuffer(part))), promise: nil)
            }
            let channel = context.channel
            let keepAlive = keepAlive
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
                if !keepAlive { channel.close(promise: nil) }
            }
        }
    }
}

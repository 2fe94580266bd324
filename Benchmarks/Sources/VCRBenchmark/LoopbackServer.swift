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
    init(body: Data, group given: (any EventLoopGroup)? = nil) throws {
        ownGroup = given == nil ? MultiThreadedEventLoopGroup(numberOfThreads: 1) : nil
        guard let group = given ?? ownGroup else { throw BenchmarkFailure("no event loop group") }
        let buffer = ByteBuffer(bytes: body)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 64)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(ConstantResponder(body: buffer))
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

/// Answers each complete request with status 200 and the same body.
private final class ConstantResponder: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let body: ByteBuffer
    private var keepAlive = true

    init(body: ByteBuffer) {
        self.body = body
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            keepAlive = head.isKeepAlive
        case .body:
            break
        case .end:
            var headers = HTTPHeaders()
            headers.add(name: "Content-Type", value: "text/event-stream; charset=utf-8")
            headers.add(name: "Content-Length", value: String(body.readableBytes))
            if !keepAlive { headers.add(name: "Connection", value: "close") }
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
            let channel = context.channel
            let keepAlive = keepAlive
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
                if !keepAlive { channel.close(promise: nil) }
            }
        }
    }
}

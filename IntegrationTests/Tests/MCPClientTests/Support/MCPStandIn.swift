import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A minimal MCP server on 127.0.0.1 inside the test process, speaking
/// streamable HTTP with JSON responses: `initialize`, `tools/list` and
/// `tools/call` of one tool, `add`; notifications get `202 Accepted`.
/// Stop it with ``shutdown()``.
final class MCPStandIn: Sendable {
    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel
    private let count = RequestCount()

    /// The MCP endpoint, such as `http://127.0.0.1:41234/mcp`.
    let endpoint: URL

    /// How many requests the server has answered.
    var requestCount: Int { count.value }

    /// Starts the server on an ephemeral port.
    init() throws {
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let count = count
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(MCPResponder(count: count))
                }
            }
        do {
            channel = try bootstrap.bind(host: "127.0.0.1", port: 0).wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw error
        }
        endpoint = URL(string: "http://127.0.0.1:\(channel.localAddress?.port ?? 0)/mcp")!
    }

    /// Closes the listening socket and stops the event loop.
    func shutdown() throws {
        try channel.close().wait()
        try group.syncShutdownGracefully()
    }
}

/// The number of requests answered, shared with the handlers.
private final class RequestCount: @unchecked Sendable {
    // @unchecked: `count` is only touched under `lock`.
    private let lock = NSLock()
    private var count = 0

    var value: Int { lock.withLock { count } }

    func increment() {
        lock.withLock { count += 1 }
    }
}

/// Answers each JSON-RPC message posted to `/mcp`.
private final class MCPResponder: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let count: RequestCount
    private var head: HTTPRequestHead?
    private var body = Data()

    init(count: RequestCount) {
        self.count = count
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = Data()
        case .body(var buffer):
            body.append(contentsOf: buffer.readBytes(length: buffer.readableBytes) ?? [])
        case .end:
            guard let head else { return }
            count.increment()
            respond(to: head, context: context)
        }
    }

    private func respond(to head: HTTPRequestHead, context: ChannelHandlerContext) {
        guard head.method == .POST, head.uri == "/mcp",
            let message = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
            let method = message["method"] as? String
        else {
            send(.methodNotAllowed, body: nil, context: context)
            return
        }
        guard let id = message["id"] else {
            send(.accepted, body: nil, context: context)  // a notification
            return
        }
        let params = message["params"] as? [String: Any] ?? [:]
        let result: [String: Any]
        switch method {
        case "initialize":
            result = [
                "protocolVersion": params["protocolVersion"] as? String ?? "2025-06-18",
                "capabilities": ["tools": ["listChanged": false]],
                "serverInfo": ["name": "stand-in", "version": "1.0.0"],
            ]
        case "tools/list":
            result = [
                "tools": [
                    [
                        "name": "add", "description": "Adds two integers",
                        "inputSchema": [
                            "type": "object",
                            "properties": ["a": ["type": "integer"], "b": ["type": "integer"]],
                        ],
                    ]
                ]
            ]
        case "tools/call":
            let arguments = params["arguments"] as? [String: Any] ?? [:]
            let sum = (arguments["a"] as? Int ?? 0) + (arguments["b"] as? Int ?? 0)
            result = ["content": [["type": "text", "text": String(sum)]], "isError": false]
        default:
            result = [:]
        }
        let reply: [String: Any] = ["jsonrpc": "2.0", "id": id, "result": result]
        send(.ok, body: try? JSONSerialization.data(withJSONObject: reply, options: [.sortedKeys]), context: context)
    }

    private func send(_ status: HTTPResponseStatus, body: Data?, context: ChannelHandlerContext) {
        var headers = HTTPHeaders()
        if let body {
            headers.add(name: "Content-Type", value: "application/json")
            headers.add(name: "Content-Length", value: String(body.count))
        } else {
            headers.add(name: "Content-Length", value: "0")
        }
        context.write(
            wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        if let body { context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil) }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }
}

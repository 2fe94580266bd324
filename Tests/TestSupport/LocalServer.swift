import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// An HTTP/1.1 server on 127.0.0.1 inside the test process, with one route
/// per kind of response the recorder must capture. Stop it with ``shutdown()``.
///
/// Routes: `/sse` (events in timed chunks, the last one held until
/// ``releaseLastEvent()`` or ten seconds), `/gzip`, `/binary`, `/large`
/// (10 MB), `/error` (500), `/echo` (a JSON answer to any method), `/cut`
/// (the connection closed mid-stream), `/no-content` (a 204 with lower-case
/// header names), `/stream?events=N&gap=M` (N numbered events, 48 by default,
/// one chunk each, M milliseconds apart, 3 by default), `/stall` (three
/// events, then nothing until the server shuts down), `/silent` (no answer at
/// all), `/slow?ms=N` (a short answer after N milliseconds), `/redirect?to=P&code=C`
/// (a redirect with status C, 302 by default, to P, `/final` by default), `/chain?hops=N`
/// (N redirects in a row, each to `/chain?hops=N-1`, then `/final`), `/final` (the
/// request's method and body as text); anything else is a 404.
package final class LocalServer: Sendable {
    /// A request as the server received it.
    package struct Received: Sendable {
        package var method: String
        package var uri: String
        package var headers: [(String, String)]
        package var body: Data
    }

    /// The events `/sse` sends, one per chunk.
    package static let events = (0..<5).map { "event: tick\ndata: {\"n\":\($0)}\n\n" }
    /// The text `/gzip` sends compressed.
    package static let gzipText = (0..<40).map {
        String(format: "line %03d: the quick brown fox jumps over the lazy dog\n", $0)
    }.joined()
    /// ``gzipText`` compressed with gzip.
    package static let gzipBody = Data(
        base64Encoded:
            "H4sIAAAAAAAC/53SSxIBQRAG4b1T1BG66ve+DaMxtGmG8Tq9CE4g1xm5+0rbZUspLe22z3YZ2uZo674+OtvWpx2G0/lq9Z77by6r98s2dTcqv8vRFegSusbomqBriq4ZuuboWpDLkQ1HNhzZcGTDkQ1HNhzZcGTDkQ1HNgLZCGQjkI1ANgLZCGQjkI1ANgLZCGRDyIaQDSEbQjaEbAjZELIhZEPIhv608QHhVTiecAgAAA=="
    )!
    /// The body of `/binary`: every byte value, twice; not valid UTF-8.
    package static let binaryBody = Data((0..<512).map { UInt8($0 % 256) })
    /// The body of `/large`: 10 MB of numbered text lines.
    package static let largeBody: Data = {
        var text = Data()
        var line = 0
        while text.count < 10 << 20 {
            text.append(contentsOf: Array(String(format: "%08d abcdefghijklmnopqrstuvwxyz0123456789\n", line).utf8))
            line += 1
        }
        return text
    }()
    /// The events `/stream?events=count` sends, one per chunk.
    package static func streamEvents(count: Int = 48) -> [String] {
        (0..<count).map { "id: \($0)\nevent: delta\ndata: {\"n\":\($0),\"text\":\"token \($0)\"}\n\n" }
    }
    /// The whole body of `/stream?events=count`.
    package static func streamBody(events count: Int = 48) -> Data {
        Data(streamEvents(count: count).joined().utf8)
    }
    /// What `/stall` sends, in one write, before it goes quiet.
    package static let stallPrefix = Data(streamEvents(count: 3).joined().utf8)
    /// The body of `/slow`.
    package static let slowBody = Data("slow answer".utf8)

    /// The body of every redirect `/redirect` and `/chain` send.
    package static let redirectBody = Data("moved".utf8)
    /// The body of `/final` for a request with this method and body.
    package static func finalBody(method: String, body: Data = Data()) -> Data {
        Data("final \(method) ".utf8) + body
    }

    /// The bytes `/cut` sends before it closes the connection.
    package static let cutPrefix = "data: {\"partial\":true}\n\n"

    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel
    private let gate = Gate()
    private let log = Log()

    /// The port the server listens on.
    package let port: Int

    /// The server's origin, such as `http://127.0.0.1:41234`.
    package var origin: String { "http://127.0.0.1:\(port)" }

    /// A URL on this server.
    package func url(_ pathAndQuery: String) -> URL {
        URL(string: origin + pathAndQuery)!
    }

    /// Starts a server on an ephemeral port of 127.0.0.1.
    package init() throws {
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let gate = gate
        let log = log
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(Responder(gate: gate, log: log))
                }
            }
        do {
            channel = try bootstrap.bind(host: "127.0.0.1", port: 0).wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw error
        }
        port = channel.localAddress?.port ?? 0
    }

    /// Lets `/sse` send its last event.
    package func releaseLastEvent() {
        gate.open()
    }

    /// Whether `/sse` sent its last event because ``releaseLastEvent()`` was
    /// called, rather than after waiting ten seconds for it.
    package var lastEventWasReleased: Bool? {
        gate.outcome
    }

    /// The requests received so far, in order.
    package var received: [Received] {
        log.entries
    }

    /// Closes the listening socket and stops the event loop.
    package func shutdown() throws {
        try channel.close().wait()
        try group.syncShutdownGracefully()
    }
}

/// Holds `/sse`'s last event until the test opens it, or a timeout passes.
private final class Gate: @unchecked Sendable {
    // @unchecked: the fields are only touched under `lock`.
    private let lock = NSLock()
    private var isOpen = false
    private var waiter: (@Sendable (Bool) -> Void)?
    private var result: Bool?

    var outcome: Bool? { lock.withLock { result } }

    func open() {
        let waiter = lock.withLock {
            isOpen = true
            defer { self.waiter = nil }
            return self.waiter
        }
        waiter?(true)
    }

    /// Calls `proceed` once: with true when opened, false after the timeout.
    func wait(on loop: any EventLoop, timeout: TimeAmount, _ proceed: @escaping @Sendable (Bool) -> Void) {
        let once: @Sendable (Bool) -> Void = { [self] opened in
            let first = lock.withLock {
                guard result == nil else { return false }
                result = opened
                return true
            }
            if first { proceed(opened) }
        }
        let openNow = lock.withLock {
            if !isOpen { waiter = once }
            return isOpen
        }
        if openNow { once(true) }
        loop.scheduleTask(in: timeout) { once(false) }
    }
}

/// The requests the server received.
private final class Log: @unchecked Sendable {
    // @unchecked: the fields are only touched under `lock`.
    private let lock = NSLock()
    private var received: [LocalServer.Received] = []

    var entries: [LocalServer.Received] { lock.withLock { received } }

    func append(_ entry: LocalServer.Received) {
        lock.withLock { received.append(entry) }
    }
}

/// Answers each complete request according to its path.
private final class Responder: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let gate: Gate
    private let log: Log
    private var head: HTTPRequestHead?
    private var body = Data()

    init(gate: Gate, log: Log) {
        self.gate = gate
        self.log = log
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
            log.append(
                LocalServer.Received(
                    method: head.method.rawValue, uri: head.uri, headers: head.headers.map { ($0.name, $0.value) },
                    body: body))
            respond(to: head, context: context)
        }
    }

    private func respond(to head: HTTPRequestHead, context: ChannelHandlerContext) {
        let parts = head.uri.split(separator: "?", maxSplits: 1)
        let path = parts.first.map(String.init) ?? head.uri
        let query = Self.query(parts.count > 1 ? String(parts[1]) : "")
        switch path {
        case "/sse":
            streamEvents(context: context)
        case "/gzip":
            send(
                .ok, ["Content-Type": "text/plain; charset=utf-8", "Content-Encoding": "gzip"], LocalServer.gzipBody,
                context)
        case "/binary":
            send(.ok, ["Content-Type": "application/octet-stream"], LocalServer.binaryBody, context)
        case "/large":
            send(.ok, ["Content-Type": "text/plain"], LocalServer.largeBody, context)
        case "/error":
            send(.internalServerError, ["Content-Type": "application/json"], Data(#"{"error":"boom"}"#.utf8), context)
        case "/echo":
            send(
                .ok, ["Content-Type": "application/json", "Set-Cookie": "session=abc123; Path=/"],
                Data(#"{"ok":true}"#.utf8), context)
        case "/cut":
            cut(context: context)
        case "/no-content":
            let headers = HTTPHeaders([("x-request-id", "req-1"), ("openai-processing-ms", "7")])
            context.write(
                wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .noContent, headers: headers))),
                promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        case "/stream":
            let count = query["events"].flatMap(Int.init) ?? 48
            let gap = TimeAmount.milliseconds(query["gap"].flatMap(Int64.init) ?? 3)
            startStream(context: context)
            sendStreamEvent(0, of: LocalServer.streamEvents(count: count), gap: gap, context: context)
        case "/stall":
            startStream(context: context)
            context.writeAndFlush(
                wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: LocalServer.stallPrefix)))), promise: nil)
        case "/silent":
            break
        case "/slow":
            let delay = query["ms"].flatMap(Int64.init) ?? 1000
            context.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(delay)) {
                self.send(.ok, ["Content-Type": "text/plain"], LocalServer.slowBody, context)
            }
        case "/redirect":
            let code = query["code"].flatMap(Int.init) ?? 302
            let location = query["to"]?.removingPercentEncoding ?? "/final"
            send(
                .init(statusCode: code), ["Location": location, "Content-Type": "text/plain"], LocalServer.redirectBody,
                context)
        case "/chain":
            let hops = query["hops"].flatMap(Int.init) ?? 0
            let location = hops > 1 ? "/chain?hops=\(hops - 1)" : "/final"
            send(.found, ["Location": location, "Content-Type": "text/plain"], LocalServer.redirectBody, context)
        case "/final":
            send(
                .ok, ["Content-Type": "text/plain"], LocalServer.finalBody(method: head.method.rawValue, body: body),
                context)
        default:
            send(.notFound, ["Content-Type": "text/plain"], Data("not found".utf8), context)
        }
    }

    private func send(
        _ status: HTTPResponseStatus, _ fields: [String: String], _ body: Data, _ context: ChannelHandlerContext
    ) {
        var headers = HTTPHeaders(fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        headers.add(name: "Content-Length", value: String(body.count))
        context.write(
            wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    /// Sends the events one chunk at a time, 20 ms apart, holding the last one at the gate.
    private func streamEvents(context: ChannelHandlerContext) {
        let headers = HTTPHeaders([("Content-Type", "text/event-stream"), ("Cache-Control", "no-cache")])
        context.writeAndFlush(
            wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil)
        sendEvent(0, context: context)
    }

    private func sendEvent(_ number: Int, context: ChannelHandlerContext) {
        let loop = context.eventLoop.assumeIsolated()
        if number == LocalServer.events.count - 1 {
            let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            let eventLoop = context.eventLoop
            gate.wait(on: eventLoop, timeout: .seconds(10)) { _ in
                eventLoop.execute {
                    let (responder, context) = bound.value
                    responder.writeEvent(number, context: context)
                    context.writeAndFlush(responder.wrapOutboundOut(.end(nil)), promise: nil)
                }
            }
            return
        }
        writeEvent(number, context: context)
        loop.scheduleTask(in: .milliseconds(20)) { self.sendEvent(number + 1, context: context) }
    }

    private func writeEvent(_ number: Int, context: ChannelHandlerContext) {
        let bytes = ByteBuffer(string: LocalServer.events[number])
        context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(bytes))), promise: nil)
    }

    /// The name=value pairs of a query string.
    private static func query(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if let name = parts.first { fields[String(name)] = parts.count > 1 ? String(parts[1]) : "" }
        }
        return fields
    }

    /// Sends the head of a chunked event stream.
    private func startStream(context: ChannelHandlerContext) {
        let headers = HTTPHeaders([("Content-Type", "text/event-stream"), ("Cache-Control", "no-cache")])
        context.writeAndFlush(
            wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil)
    }

    /// Sends `events` from `number` on, one chunk each, `gap` apart, then ends the response.
    private func sendStreamEvent(_ number: Int, of events: [String], gap: TimeAmount, context: ChannelHandlerContext) {
        guard number < events.count else {
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            return
        }
        context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: events[number])))), promise: nil)
        context.eventLoop.assumeIsolated().scheduleTask(in: gap) {
            self.sendStreamEvent(number + 1, of: events, gap: gap, context: context)
        }
    }

    /// Starts a chunked event stream and closes the connection before its end.
    private func cut(context: ChannelHandlerContext) {
        let headers = HTTPHeaders([("Content-Type", "text/event-stream")])
        context.write(
            wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil)
        let bytes = ByteBuffer(string: LocalServer.cutPrefix)
        context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(bytes))), promise: nil)
        let channel = context.channel
        context.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(50)) { channel.close(promise: nil) }
    }
}

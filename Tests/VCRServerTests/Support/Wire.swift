import Foundation
import NIOCore
import NIOPosix

/// A raw TCP client for the server under test: sends bytes as given and
/// returns every byte that came back, so tests see the exact wire format
/// (framing, chunk boundaries) that an HTTP client library would hide.
enum Wire {
    /// A connection failed to finish within the timeout.
    struct TimedOut: Error, CustomStringConvertible {
        let received: Int
        var description: String { "the connection was still open after the timeout; \(received) bytes received" }
    }

    /// Connects to 127.0.0.1:`port`, writes `request`, and returns what arrives
    /// until the server closes the connection, or until `closeWhen` is true
    /// of the bytes so far (then this side closes). Fails after `timeout`.
    static func exchange(
        _ request: String, port: Int, timeout: TimeAmount = .seconds(30),
        closeWhen: (@Sendable ([UInt8]) -> Bool)? = nil
    ) async throws -> [UInt8] {
        try await exchange(Array(request.utf8), port: port, timeout: timeout, closeWhen: closeWhen)
    }

    /// The byte form of ``exchange(_:port:timeout:closeWhen:)``.
    ///
    /// The request is written, and the timeout started, on the event loop as
    /// soon as the connection opens: a test task that the cooperative pool
    /// runs late (a full, parallel test run) cannot leave the connection idle.
    static func exchange(
        _ request: [UInt8], port: Int, timeout: TimeAmount = .seconds(30),
        closeWhen: (@Sendable ([UInt8]) -> Bool)? = nil
    ) async throws -> [UInt8] {
        let group = MultiThreadedEventLoopGroup.singleton
        let done = group.next().makePromise(of: [UInt8].self)
        do {
            _ = try await ClientBootstrap(group: group)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(
                            Collector(request: request, timeout: timeout, done: done, closeWhen: closeWhen))
                    }
                }
                .connect(host: "127.0.0.1", port: port).get()
        } catch {
            done.fail(error)
            throw error
        }
        return try await done.futureResult.get()
    }

    /// Writes the request when the connection opens and collects the bytes
    /// that come back until it closes, or until the timeout closes it.
    private final class Collector: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer

        private let request: [UInt8]
        private let timeout: TimeAmount
        private let done: EventLoopPromise<[UInt8]>
        private let closeWhen: (@Sendable ([UInt8]) -> Bool)?
        private var bytes: [UInt8] = []
        private var timer: Scheduled<Void>?

        init(
            request: [UInt8], timeout: TimeAmount, done: EventLoopPromise<[UInt8]>,
            closeWhen: (@Sendable ([UInt8]) -> Bool)?
        ) {
            self.request = request
            self.timeout = timeout
            self.done = done
            self.closeWhen = closeWhen
        }

        func channelActive(context: ChannelHandlerContext) {
            let channel = context.channel
            let done = done
            timer = context.eventLoop.scheduleTask(in: timeout) {
                done.fail(TimedOut(received: 0))
                channel.close(promise: nil)
            }
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: request)), promise: nil)
            context.fireChannelActive()
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var buffer = unwrapInboundIn(data)
            bytes += buffer.readBytes(length: buffer.readableBytes) ?? []
            if let closeWhen, closeWhen(bytes) { context.close(promise: nil) }
        }

        func channelInactive(context: ChannelHandlerContext) {
            timer?.cancel()
            done.succeed(bytes)
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            context.close(promise: nil)
        }
    }
}

/// One HTTP/1.1 response as it came over the wire.
struct WireResponse: CustomStringConvertible {
    /// A response the bytes do not hold.
    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    var status: Int
    var reason: String
    /// The fields in the order sent.
    var headers: [(name: String, value: String)]
    /// The body's chunks as framed by chunked transfer encoding; one chunk for a body of fixed length.
    var chunks: [[UInt8]]
    var isChunked: Bool

    var body: [UInt8] { chunks.flatMap { $0 } }
    var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// The values of the field `name`, whatever its case.
    func values(_ name: String) -> [String] {
        headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }

    var description: String {
        "\(status) \(reason), \(headers.count) fields, \(body.count) body bytes: \(bodyText.prefix(2000))"
    }

    /// Every response in `bytes`, in order.
    static func parseAll(_ bytes: [UInt8]) throws -> [WireResponse] {
        var responses: [WireResponse] = []
        var rest = bytes[...]
        while !rest.isEmpty {
            let (response, remainder) = try parse(rest)
            responses.append(response)
            rest = remainder
        }
        return responses
    }

    /// The one response in `bytes`.
    static func parseOne(_ bytes: [UInt8]) throws -> WireResponse {
        let all = try parseAll(bytes)
        guard all.count == 1 else { throw Malformed(description: "\(all.count) responses arrived, expected 1") }
        return all[0]
    }

    private static func parse(_ bytes: ArraySlice<UInt8>) throws -> (WireResponse, ArraySlice<UInt8>) {
        var rest = bytes
        let statusLine = try line(&rest)
        let parts = statusLine.split(separator: " ", maxSplits: 2).map(String.init)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]) else {
            throw Malformed(description: "status line `\(statusLine)`")
        }
        var headers: [(String, String)] = []
        while true {
            let field = try line(&rest)
            if field.isEmpty { break }
            guard let colon = field.firstIndex(of: ":") else { throw Malformed(description: "field `\(field)`") }
            headers.append(
                (
                    String(field[..<colon]),
                    String(field[field.index(after: colon)...]).trimmingCharacters(
                        in: CharacterSet(charactersIn: " \t"))
                ))
        }
        var response = WireResponse(
            status: status, reason: parts.count > 2 ? parts[2] : "", headers: headers, chunks: [], isChunked: false)
        if status < 200 { return try parse(rest) }  // an interim 100 Continue: the real response follows
        if response.values("Transfer-Encoding").contains(where: { $0.lowercased().contains("chunked") }) {
            response.isChunked = true
            while true {
                let sizeLine = try line(&rest)
                guard let size = Int(sizeLine.split(separator: ";").first ?? "", radix: 16) else {
                    throw Malformed(description: "chunk size `\(sizeLine)`")
                }
                if size == 0 {
                    _ = try line(&rest)
                    break
                }
                guard rest.count >= size + 2 else { throw Malformed(description: "a chunk of \(size) bytes was cut") }
                response.chunks.append(Array(rest.prefix(size)))
                rest = rest.dropFirst(size + 2)
            }
        } else if let length = response.values("Content-Length").first.flatMap(Int.init) {
            guard rest.count >= length else { throw Malformed(description: "a body of \(length) bytes was cut") }
            if length > 0 { response.chunks = [Array(rest.prefix(length))] }
            rest = rest.dropFirst(length)
        } else {
            if !rest.isEmpty { response.chunks = [Array(rest)] }
            rest = []
        }
        return (response, rest)
    }

    private static func line(_ rest: inout ArraySlice<UInt8>) throws -> String {
        guard let end = rest.indices.first(where: { rest[$0] == 13 && $0 + 1 < rest.endIndex && rest[$0 + 1] == 10 })
        else {
            throw Malformed(description: "a line without CRLF")
        }
        let text = String(decoding: rest[rest.startIndex..<end], as: UTF8.self)
        rest = rest[(end + 2)...]
        return text
    }
}

/// Builds the bytes of a request.
enum WireRequest {
    /// `method target HTTP/1.1`, the fields, `Content-Length` when there is a body, and the body.
    static func make(
        _ method: String, _ target: String, headers: [(String, String)] = [], body: [UInt8] = [], close: Bool = true
    ) -> [UInt8] {
        var text = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        if !body.isEmpty { text += "Content-Length: \(body.count)\r\n" }
        if close { text += "Connection: close\r\n" }
        return Array((text + "\r\n").utf8) + body
    }
}

import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import VCR
import VCRCassette

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Answers the requests of one connection, one at a time (the pipeline holds
/// pipelined requests back until the previous response ends), from the VCR.
final class ConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// The handler and its context, carried by callbacks that hop back onto the event loop.
    private struct Target {
        let handler: ConnectionHandler
        let context: ChannelHandlerContext
    }

    /// Where the connection is in its current request.
    private enum State {
        /// Waiting for a request.
        case idle
        /// Reading a request's body.
        case receiving(HTTPRequestHead, ByteBuffer)
        /// Writing a response: a replayed one can be cancelled when the client leaves.
        case responding(ResponseDelivery?)
    }

    private let served: ServedCassette
    private var state = State.idle
    /// The head of the request being answered.
    private var request: HTTPRequestHead?
    private var keepAlive = true
    private var isActive = false
    /// Whether the head of a forwarded response has been written.
    private var liveHeadWritten = false
    /// When the connection is closed unless a whole request has arrived; nil
    /// while a request is being answered.
    private var expiry: NIODeadline?
    /// The timer that checks ``expiry``: moving the expiry later leaves it
    /// running, and it sets itself again for the new time when it fires.
    private var deadline: Scheduled<Void>?

    init(served: ServedCassette) {
        self.served = served
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { becomeActive(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        becomeActive(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        isActive = false
        expiry = nil
        deadline?.cancel()
        deadline = nil
        // A replay stops with its client; a recording goes on to its end.
        if case .responding(let delivery?) = state {
            delivery.cancel()
            finish(context)
        }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            request = head
            keepAlive = head.isKeepAlive
            liveHeadWritten = false
            if let length = head.headers.first(name: "content-length").flatMap(Int.init),
                length > served.configuration.maximumBodySize
            {
                return rejectOversized(context)
            }
            state = .receiving(head, context.channel.allocator.buffer(capacity: 0))
            if head.headers["expect"].contains(where: { $0.lowercased() == "100-continue" }) {
                let head = HTTPResponseHead(version: head.version, status: .continue)
                context.writeAndFlush(wrapOutboundOut(.head(head)), promise: nil)
            }
        case .body(var part):
            guard case .receiving(let head, var body) = state else { return }
            guard body.readableBytes + part.readableBytes <= served.configuration.maximumBodySize else {
                return rejectOversized(context)
            }
            state = .idle
            if body.readableBytes == 0 {
                body = part
            } else {
                body.writeBuffer(&part)
            }
            state = .receiving(head, body)
        case .end:
            guard case .receiving(let head, let body) = state else { return }
            expiry = nil
            serve(head, body: body, context)
        }
    }

    // MARK: Answering

    private func serve(_ head: HTTPRequestHead, body: ByteBuffer, _ context: ChannelHandlerContext) {
        begin(nil)
        let vcr = served.vcr
        let url: String
        switch served.routes.url(for: head.uri) {
        case .success(let found):
            url = found
        case .failure(let failure):
            let error = ReplayError.unservable(
                request: vcr.summary(of: head.method.rawValue, head.uri), reason: failure.reason)
            vcr.record(error)
            return respondWithError(kind: "origin", text: error.description, context)
        }
        let request = InterceptedRequest(
            method: head.method.rawValue, url: url, headers: HeaderRules.matched(head.headers),
            body: body.readableBytes > 0 ? Data(buffer: body) : nil)
        switch vcr.resolve(request) {
        case .replay(let interaction, _):
            let response = vcr.replayedResponse(of: interaction, to: request)
            if let reason = HTTPFieldRules.problem(headers: response.headers, code: response.code) {
                let error = ReplayError.unservableResponse(
                    request: vcr.summary(of: request.method, url), interactionID: interaction.id, reason: reason)
                vcr.record(error)
                return respondWithError(kind: "bad-recording", text: error.description, context)
            }
            replay(response, context)
        case .record:
            forward(request, records: true, context)
        case .passthrough:
            forward(request, records: false, context)
        case .failure(let error as MismatchError):
            respondWithError(kind: "mismatch", text: error.description, context)
        case .failure(let error):
            respondWithError(kind: error is ReplayError ? "stopped" : "error", text: "\(error)", context)
        }
    }

    /// Writes a recorded response as the VCR plans it: head, chunks, end, each at its time.
    private func replay(_ response: RecordedResponse, _ context: ChannelHandlerContext) {
        if let chunks = served.vcr.immediateChunks(of: response) {
            return replayAtOnce(response, chunks: chunks, context)
        }
        let delivery = served.vcr.delivery(of: response)
        state = .responding(delivery)
        let loop = context.eventLoop
        let bound = NIOLoopBound(Target(handler: self, context: context), eventLoop: loop)
        delivery.start { step in
            loop.execute { bound.value.handler.perform(step, of: response, bound.value.context) }
        }
    }

    /// Writes a response no step of which waits: the head, each chunk as a
    /// slice of one copy of the body, and the end, flushed once.
    private func replayAtOnce(
        _ response: RecordedResponse, chunks: [Range<Data.Index>], _ context: ChannelHandlerContext
    ) {
        guard isActive, let request else { return finish(context) }
        write(.head(HeaderRules.replayed(response, request: request, keepAlive: keepAlive)), flush: false, context)
        if request.method != .HEAD, !chunks.isEmpty {
            let body = ByteBuffer(data: response.body)
            let start = response.body.startIndex
            for chunk in chunks {
                guard let slice = body.getSlice(at: chunk.lowerBound - start, length: chunk.count) else { continue }
                write(.body(.byteBuffer(slice)), flush: false, context)
            }
        }
        end(context)
    }

    private func perform(_ step: ResponseDelivery.Step, of response: RecordedResponse, _ context: ChannelHandlerContext)
    {
        guard isActive, let request else { return }
        switch step {
        case .headers:
            write(.head(HeaderRules.replayed(response, request: request, keepAlive: keepAlive)), flush: true, context)
        case .chunk(let data):
            if request.method != .HEAD { write(.body(.byteBuffer(ByteBuffer(data: data))), flush: true, context) }
        case .finish:
            end(context)
        }
    }

    /// Forwards the request through the VCR, writing the response as it
    /// arrives; when `records`, the VCR records it to its end even if this
    /// client leaves (the client is never detached, so the server's close
    /// waits for the end); otherwise it is let through (``VCR/Options/passthrough``).
    private func forward(_ request: InterceptedRequest, records: Bool, _ context: ChannelHandlerContext) {
        let vcr = served.vcr
        guard let url = URL(string: request.url) else {
            let error = ReplayError.unservable(
                request: vcr.summary(of: request.method, request.url), reason: "not a valid URL")
            return respondWithError(kind: "origin", text: error.description, context)
        }
        let loop = context.eventLoop
        let bound = NIOLoopBound(Target(handler: self, context: context), eventLoop: loop)
        let client = LiveExchange.Client(
            deliver: { step in loop.execute { bound.value.handler.performLive(step, bound.value.context) } },
            fail: { error in loop.execute { bound.value.handler.failLive(error, bound.value.context) } })
        let timeout = served.configuration.upstreamTimeout.seconds
        let start = records ? vcr.startRecording : vcr.startPassthrough
        if start(request, url, timeout, true, client) == nil {
            let error = ReplayError.stopped(
                request: vcr.summary(of: request.method, request.url), cassettePath: vcr.cassettePath)
            respondWithError(kind: "stopped", text: error.description, context)
        }
    }

    private func performLive(_ step: ResponseDelivery.Step, _ context: ChannelHandlerContext) {
        switch step {
        case .headers(let response):
            guard isActive, let request else { return }
            liveHeadWritten = true
            write(.head(HeaderRules.live(response, request: request, keepAlive: keepAlive)), flush: true, context)
        case .chunk(let data):
            guard isActive, liveHeadWritten, request?.method != .HEAD else { return }
            write(.body(.byteBuffer(ByteBuffer(data: data))), flush: true, context)
        case .finish:
            if liveHeadWritten, request?.version.major == 1, request?.version.minor == 0 { keepAlive = false }
            end(context)
        }
    }

    private func failLive(_ error: any Error, _ context: ChannelHandlerContext) {
        guard !liveHeadWritten else {
            context.close(promise: nil)
            return finish(context)
        }
        respondWithError(
            kind: "upstream", text: "VCR: forwarding the request to be recorded failed: \(error.localizedDescription)",
            context)
    }

    // MARK: Writing

    private func write(_ part: HTTPServerResponsePart, flush: Bool, _ context: ChannelHandlerContext) {
        guard isActive else { return }
        if flush {
            context.writeAndFlush(wrapOutboundOut(part), promise: nil)
        } else {
            context.write(wrapOutboundOut(part), promise: nil)
        }
    }

    /// Ends the response and flushes it, closing the connection after it when
    /// it is not kept alive.
    private func end(_ context: ChannelHandlerContext) {
        if isActive {
            if keepAlive {
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            } else {
                let channel = context.channel
                context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
            }
        }
        finish(context)
    }

    /// A response made up by the server: status 599 unless given, plain text, `X-VCR-Error: kind`.
    private func respondWithError(
        status: Int = CassetteServer.errorStatusCode, kind: String, text: String, _ context: ChannelHandlerContext
    ) {
        let body = ByteBuffer(string: text + "\n")
        let head = HeaderRules.error(
            status: status, kind: kind, length: body.readableBytes, request: request, keepAlive: keepAlive)
        write(.head(head), flush: false, context)
        write(.body(.byteBuffer(body)), flush: false, context)
        end(context)
    }

    /// Refuses a body over the limit and closes the connection: the rest of the body is not read.
    private func rejectOversized(_ context: ChannelHandlerContext) {
        begin(nil)
        keepAlive = false
        respondWithError(
            kind: "body-too-large",
            text:
                "VCR: the request body is larger than the server's limit of \(served.configuration.maximumBodySize) bytes",
            context)
    }

    // MARK: Bookkeeping

    private func becomeActive(_ context: ChannelHandlerContext) {
        guard !isActive else { return }
        isActive = true
        armDeadline(context)
    }

    /// A response begins: closing the server waits for it.
    private func begin(_ delivery: ResponseDelivery?) {
        state = .responding(delivery)
        served.activity.begin()
    }

    /// The response ended (or its client left): the connection waits for its next request.
    private func finish(_ context: ChannelHandlerContext) {
        guard case .responding = state else { return }
        state = .idle
        served.activity.end()
        if keepAlive, isActive { armDeadline(context) }
    }

    /// Closes a connection that takes longer than the request timeout to send
    /// a whole request, answering 408 when the request had begun.
    private func armDeadline(_ context: ChannelHandlerContext) {
        let expiry = NIODeadline.now() + .nanoseconds(served.configuration.requestTimeout.nanoseconds)
        self.expiry = expiry
        if deadline == nil { scheduleDeadline(at: expiry, context) }
    }

    private func scheduleDeadline(at expiry: NIODeadline, _ context: ChannelHandlerContext) {
        let bound = NIOLoopBound(Target(handler: self, context: context), eventLoop: context.eventLoop)
        deadline = context.eventLoop.scheduleTask(deadline: expiry) {
            bound.value.handler.deadlineReached(bound.value.context)
        }
    }

    /// The timer fired: the connection is cut off when its expiry has passed,
    /// and the timer set again for a later expiry.
    private func deadlineReached(_ context: ChannelHandlerContext) {
        deadline = nil
        guard isActive, let expiry else { return }
        guard expiry <= .now() else { return scheduleDeadline(at: expiry, context) }
        self.expiry = nil
        switch state {
        case .idle:
            context.close(promise: nil)
        case .receiving:
            begin(nil)
            keepAlive = false
            respondWithError(
                status: 408, kind: "request-timeout",
                text: "VCR: the request did not arrive whole within the server's request timeout", context)
        case .responding:
            break
        }
    }
}

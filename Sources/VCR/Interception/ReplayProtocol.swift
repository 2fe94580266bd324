import Foundation
import VCRCassette

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The interceptor: a `URLProtocol` that answers HTTP requests from the VCR
/// owning the request's session, or forwards them to the network through the
/// VCR's inner session when the VCR records.
///
/// Each VCR has a subclass of its own (see ``ReplaySlot``), which it puts first
/// in the `protocolClasses` of the configurations it prepares; the class names
/// the VCR when a request comes in. This class itself answers no request.
class ReplayProtocol: URLProtocol {
    /// A weak reference to the protocol that delayed delivery steps can carry.
    private struct Reference: @unchecked Sendable {
        // @unchecked: URLProtocol is not Sendable, but its client may be called
        // from any thread, which is all the delivery steps do with it.
        weak var target: ReplayProtocol?
    }

    /// The slot of the VCR this class serves; nil for this base class.
    class var slot: Int? { nil }

    /// What the protocol started, which ``stopLoading()`` stops.
    private struct Work {
        /// The replayed response being delivered.
        var delivery: ResponseDelivery?
        /// The request being forwarded while recording.
        var forwarding: LiveExchange?
        /// What becomes of a redirect the task receives.
        var redirects: RedirectFollower?
    }

    private let work = Locked(Work())

    override class func canInit(with request: URLRequest) -> Bool {
        guard let scheme = request.url?.scheme?.lowercased() else { return false }
        return scheme == "http" || scheme == "https"
    }

    override class func canonicalRequest(for request: URLRequest) -> URLRequest {
        request
    }

    override func startLoading() {
        let requestHasBody = request.httpBody.map { !$0.isEmpty } ?? false || request.httpBodyStream != nil
        let inspection = TaskInspection(task: task, requestHasBody: requestHasBody)
        guard let vcr = Self.slot.flatMap(VCRRegistry.shared.vcr(slot:)) else {
            // No VCR, so no rules of its own: the default ones.
            fail(ReplayError.noVCR(request: Self.summary(of: request, redactedBy: .standard)))
            return
        }
        if inspection.uploadBodyIsMissing {
            let failure = ReplayError.unreadableUploadBody(
                request: Self.summary(of: request, redactedBy: vcr.redaction))
            vcr.record(failure)
            fail(failure)
            return
        }
        let body: Data?
        do {
            body = try RequestBodyReader.body(of: request, uploadBody: inspection.uploadBody)
        } catch {
            let failure = ReplayError.unreadableBody(
                request: Self.summary(of: request, redactedBy: vcr.redaction), reason: error.reason)
            vcr.record(failure)
            fail(failure)
            return
        }
        answer(request, body: body, vcr: vcr, inspection: inspection)
    }

    /// Has a redirect follower watch the task's responses from `request` on,
    /// unless one already does: made only for a replayed response that may
    /// redirect or a request forwarded to the network.
    private func followRedirects(from request: URLRequest, body: Data?, vcr: VCR, inspection: TaskInspection) {
        guard work.withLock({ $0.redirects == nil }) else { return }
        let reference = Reference(target: self)
        let follower = RedirectFollower(request: request, body: body, session: inspection.session?.session, task: task)
        {
            reference.target?.act(on: $0, vcr: vcr, inspection: inspection)
        }
        work.withLock { $0.redirects = follower }
    }

    /// Answers `request`, the task's own or one a redirect pointed to, from
    /// the cassette, or from the network when the VCR records.
    private func answer(_ request: URLRequest, body: Data?, vcr: VCR, inspection: TaskInspection) {
        let intercepted = InterceptedRequest(
            method: request.httpMethod ?? "GET",
            url: request.url?.absoluteString ?? "",
            headers: Self.mergedHeaders(
                request.allHTTPHeaderFields ?? [:], under: inspection.session?.additionalHeaders ?? [:]),
            body: body)
        switch vcr.resolve(intercepted) {
        case .replay(let interaction, let position):
            let response = vcr.replayedResponse(of: interaction, to: intercepted)
            if let reason = HTTPFieldRules.problem(headers: response.headers, code: response.code) {
                let failure = ReplayError.unservableResponse(
                    request: Self.summary(of: request, redactedBy: vcr.redaction), interactionID: interaction.id,
                    reason: reason)
                vcr.record(failure)
                fail(failure)
                return
            }
            guard let url = request.url,
                let head = vcr.heads.head(of: response, at: position, for: url)
            else {
                fail(URLError(.badServerResponse))
                return
            }
            let chunked = inspection.deliversEveryChunk
            // Only a redirect's steps can be the follower's to hold back.
            let mayRedirect = RedirectRequest.followedCodes.contains(response.code)
            if mayRedirect { followRedirects(from: request, body: body, vcr: vcr, inspection: inspection) }
            if vcr.options.timing == .immediate {
                // Nothing waits: the steps go now, and no delivery is left for stopLoading to stop.
                let chunks = chunked ? response.chunkRanges(chunkSize: vcr.options.chunkSize) : nil
                for step in ResponseDelivery.steps(of: response, head: head, chunks: chunks) {
                    mayRedirect ? perform(step) : deliver(step)
                }
                return
            }
            let delivery = ResponseDelivery(
                response: response, head: head, chunked: chunked, timing: vcr.options.timing,
                chunkSize: vcr.options.chunkSize)
            work.withLock { $0.delivery = delivery }
            let reference = Reference(target: self)
            delivery.start { step in
                mayRedirect ? reference.target?.perform(step) : reference.target?.deliver(step)
            }
        case .record:
            followRedirects(from: request, body: body, vcr: vcr, inspection: inspection)
            forward(intercepted, of: request, vcr: vcr, inspection: inspection, records: true)
        case .passthrough:
            followRedirects(from: request, body: body, vcr: vcr, inspection: inspection)
            forward(intercepted, of: request, vcr: vcr, inspection: inspection, records: false)
        case .failure(let error):
            fail(error)
        }
    }

    /// Does what the redirect follower decided.
    private func act(on action: RedirectFollower.Action, vcr: VCR, inspection: TaskInspection) {
        switch action {
        case .deliver(let steps):
            for step in steps { deliver(step) }
        #if canImport(FoundationNetworking)
        case .follow(let next, _):
            work.withLock { $0.redirects }?.answering(next)
            answer(next, body: next.httpBody, vcr: vcr, inspection: inspection)
        #else
        case .follow(let next, let response):
            client?.urlProtocol(self, wasRedirectedTo: next, redirectResponse: response)
        #endif
        case .fail(let error):
            fail(error)
        }
    }

    /// A request's method and URL, as failures name it: redacted by `rules` and masked.
    private static func summary(of request: URLRequest, redactedBy rules: RedactionRules) -> String {
        MessageMask.requestLine(
            method: request.httpMethod ?? "GET", url: request.url?.absoluteString ?? "", rules: rules)
    }

    /// The client went away. A recording goes on without it, to the end of
    /// the response; nothing here calls FoundationNetworking, which runs this
    /// on the task's work queue.
    override func stopLoading() {
        let work = work.withLock { $0 }
        work.redirects?.stop()
        work.delivery?.cancel()
        work.forwarding?.detach()
    }

    /// Sends the request to the network; the response reaches the client as
    /// it arrives (chunk by chunk when the client takes chunks, else whole)
    /// and, when `records`, is recorded once complete; otherwise the request
    /// is let through untouched (``VCR/Options/passthrough``).
    private func forward(
        _ intercepted: InterceptedRequest, of request: URLRequest, vcr: VCR, inspection: TaskInspection, records: Bool
    ) {
        guard let url = request.url else {
            fail(URLError(.badURL))
            return
        }
        let reference = Reference(target: self)
        let client = LiveExchange.Client(
            deliver: { reference.target?.perform($0) }, fail: { reference.target?.fail($0) })
        let timeout = Self.timeout(of: request, in: inspection.session)
        let start = records ? vcr.startRecording : vcr.startPassthrough
        guard let exchange = start(intercepted, url, timeout, inspection.deliversEveryChunk, client) else {
            fail(
                ReplayError.stopped(
                    request: Self.summary(of: request, redactedBy: vcr.redaction), cassettePath: vcr.cassettePath))
            return
        }
        work.withLock { $0.forwarding = exchange }
    }

    /// The timeout the caller's task runs with: its request's own, or, when
    /// that is the default of 60 s, its session's `timeoutIntervalForRequest`.
    /// On Linux the request a protocol sees carries only a timeout set on the
    /// request itself, not whether it was set, nor the session's.
    private static func timeout(of request: URLRequest, in session: SessionFacts?) -> TimeInterval {
        let defaultTimeout: TimeInterval = 60
        guard request.timeoutInterval == defaultTimeout, let session else { return request.timeoutInterval }
        return session.requestTimeout
    }

    /// Passes a step to the client, unless it belongs to a redirect the follower handles.
    private func perform(_ step: ResponseDelivery.Step) {
        if work.withLock({ $0.redirects })?.intercepts(step) == true { return }
        deliver(step)
    }

    private func deliver(_ step: ResponseDelivery.Step) {
        switch step {
        case .headers(let response):
            client?.urlProtocol(self, didReceive: response, cacheStoragePolicy: .notAllowed)
        case .chunk(let data):
            client?.urlProtocol(self, didLoad: data)
        case .finish:
            client?.urlProtocolDidFinishLoading(self)
        }
    }

    private func fail(_ error: any Error) {
        client?.urlProtocol(self, didFailWithError: error)
    }

    /// The request's header fields over the configuration's, which a real
    /// request would carry too but FoundationNetworking leaves out of the
    /// request a protocol sees.
    private static func mergedHeaders(_ own: [String: String], under additional: [String: String]) -> [String: [String]]
    {
        guard !additional.isEmpty else { return own.mapValues { [$0] } }
        var merged: [String: [String]] = [:]
        let ownNames = Set(own.keys.map { $0.lowercased() })
        for (name, value) in additional where !ownNames.contains(name.lowercased()) {
            merged[name] = [value]
        }
        for (name, value) in own {
            merged[name] = [value]
        }
        return merged
    }
}

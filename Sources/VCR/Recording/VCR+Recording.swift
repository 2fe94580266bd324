import Foundation
import VCRCassette

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Forwarding: requests recorded or let through are sent to the network
/// through ``Forwarder``, and what a recorded response brings is kept.
extension VCR {
    /// Starts recording `request`, whose response goes to `client` as it
    /// arrives (chunk by chunk when `chunked`), and is kept when it ends, even
    /// after the client went away; nil when the VCR is stopping.
    ///
    /// The request is forwarded from a queue of Dispatch's own: starting a task
    /// of another session from a session's work queue would wait on a queue
    /// FoundationNetworking's sessions share.
    package func startRecording(
        _ request: InterceptedRequest, url: URL, timeout: TimeInterval, chunked: Bool, client: LiveExchange.Client
    ) -> LiveExchange? {
        let exchange: LiveExchange? = state.withLock { state in
            guard !state.isStopping, !state.isStopped else { return nil }
            let number = state.startedRecordings
            state.startedRecordings += 1
            let exchange = LiveExchange(url: url, chunked: chunked, client: client) { [weak self] ending in
                self?.finishRecording(number, request, ending)
            }
            state.inFlight[number] = InFlightRecording(request: request, exchange: exchange)
            return exchange
        }
        if let exchange {
            DispatchQueue.global().async { self.forward(request, timeout: timeout, to: exchange) }
        }
        return exchange
    }

    /// Sends a request ``Options/passthrough`` lets through to the network as
    /// it is, to its own URL; its response goes to `client` and is not
    /// recorded. Nil when the VCR is stopping.
    package func startPassthrough(
        _ request: InterceptedRequest, url: URL, timeout: TimeInterval, chunked: Bool, client: LiveExchange.Client
    ) -> LiveExchange? {
        guard state.withLock({ !$0.isStopping && !$0.isStopped }) else { return nil }
        let exchange = LiveExchange(url: url, chunked: chunked, client: client) { _ in }
        DispatchQueue.global().async { self.forward(request, timeout: timeout, untouched: true, to: exchange) }
        return exchange
    }

    /// Forwards `request`, as the interceptor read it, to the network with the
    /// caller's timeout; `exchange` passes the response on (and records it
    /// when recording). A request let through (`untouched`) goes to its own
    /// URL, never to ``Options/upstream``.
    private func forward(
        _ request: InterceptedRequest, timeout: TimeInterval, untouched: Bool = false, to exchange: LiveExchange
    ) {
        guard let url = URL(string: request.url).flatMap({ untouched ? $0 : forwardingURL($0) }) else {
            exchange.complete(with: URLError(.badURL))
            return
        }
        var forwarded = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData)
        // Set through the property: FoundationNetworking ignores a timeout given
        // to the initializer and applies its session's 60 s instead.
        forwarded.timeoutInterval = timeout
        forwarded.httpMethod = request.method
        for (name, values) in request.headers {
            for value in values { forwarded.addValue(value, forHTTPHeaderField: name) }
        }
        forwarded.httpBody = request.body
        forwarder.start(forwarded, reportingTo: exchange)
    }

    /// The URL a request is sent to: its own, or moved to ``Options/upstream``.
    private func forwardingURL(_ url: URL) -> URL? {
        guard let upstream, var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url }
        let base = URLComponents(url: upstream, resolvingAgainstBaseURL: false)
        components.scheme = base?.scheme
        components.host = base?.host
        components.port = base?.port
        let prefix = base?.percentEncodedPath ?? ""
        components.percentEncodedPath =
            (prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix) + components.percentEncodedPath
        return components.url
    }

    /// The response of recording `number` ended: a whole response is kept,
    /// redacted and passed through ``Options/beforeRecord``, numbered after
    /// the others; a failed request, or one a hook drops, is not. A request
    /// that failed after its client had gone, whose error nobody saw, keeps
    /// what had arrived and is reported cut short, as one still arriving at
    /// ``stop()`` is. One that ends after ``stop()`` saved what had arrived of it is dropped.
    private func finishRecording(_ number: Int, _ request: InterceptedRequest, _ ending: LiveExchange.Ending) {
        let response: RecordedResponse?
        let error: (any Error)?
        let isCutShort: Bool
        switch ending {
        case .complete(let whole): (response, error, isCutShort) = (whole, nil, false)
        case .failed(let failure): (response, error, isCutShort) = (nil, failure, false)
        case .failedUnseen(let failure, let received): (response, error, isCutShort) = (received, failure, true)
        }
        let recorded = response.flatMap { response in
            recordPipeline.process(Interaction(id: 0, request: RecordedExchange.request(request), response: response))
        }
        let failure = error.map(Self.failureReason)
        let url = failure.map { _ in redaction.redact(RecordedExchange.request(request)).url } ?? ""
        let (waiters, cutShort) = state.withLock { state -> ([DispatchSemaphore], CutShortRecording?) in
            guard state.inFlight.removeValue(forKey: number) != nil else { return ([], nil) }
            var kept: Interaction?
            if var interaction = recorded {
                interaction.id = cassette.interactions.count + state.recorded.count
                state.recorded.append(interaction)
                kept = interaction
            }
            var cutShort: CutShortRecording?
            if isCutShort {
                cutShort = CutShortRecording(method: request.method, url: url, interaction: kept, failure: failure)
                state.cutShort[number] = cutShort
            } else if let failure {
                state.failedRecordings.append("\(request.method) \(url): \(failure)")
            }
            guard state.inFlight.isEmpty else { return ([], cutShort) }
            defer { state.inFlightWaiters = [] }
            return (state.inFlightWaiters, cutShort)
        }
        if let cutShort {
            FileHandle.standardError.write(
                Data(MessageMask.masked("VCR: a recording into \(cassettePath) was cut short: \(cutShort)\n").utf8))
        }
        for waiter in waiters { waiter.signal() }
    }

    /// The error a forwarded request failed with, as the report names it.
    private static func failureReason(_ error: any Error) -> String {
        // The error's description, not the error: its user info holds the URL unredacted.
        return (error as? URLError).map { "URLError \($0.code.rawValue), \($0.localizedDescription)" }
            ?? error.localizedDescription
    }
}

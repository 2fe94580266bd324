import Foundation
import VCRCassette

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One request forwarded to the network while recording: passes the
/// response to the interceptor's client as it arrives and captures its bytes.
///
/// The inner session's delegate calls it on the session's serial delegate queue.
final class LiveExchange: Sendable {
    /// What the exchange hands to the interceptor.
    struct Sink: Sendable {
        /// Performs a step of the response for the client.
        var deliver: @Sendable (ResponseDelivery.Step) -> Void
        /// Fails the request with the network's own error.
        var fail: @Sendable (any Error) -> Void
        /// Keeps the finished interaction; called before the client learns the response ended.
        var record: @Sendable (RecordedResponse) -> Void
    }

    private struct State {
        var response: HTTPURLResponse?
        var body = Data()
        var duration = GoDuration.zero
        var isCancelled = false
        var task: URLSessionDataTask?
    }

    /// The URL the client asked for, which its response carries.
    private let url: URL
    /// Whether every chunk reaches the client; otherwise the body goes once, at the end.
    private let chunked: Bool
    private let sink: Sink
    private let started = ContinuousClock.now
    private let state = Locked(State())

    init(url: URL, chunked: Bool, sink: Sink) {
        self.url = url
        self.chunked = chunked
        self.sink = sink
    }

    /// The response headers arrived: measures the duration and passes them on.
    func receive(_ response: URLResponse) {
        let elapsed = ContinuousClock.now - started
        guard let http = response as? HTTPURLResponse else { return }
        let headers = Self.headerFields(of: http)
        let head = HTTPURLResponse(url: url, statusCode: http.statusCode, httpVersion: "HTTP/1.1", headerFields: headers)
        let isCancelled = state.withLock { state in
            state.response = http
            state.duration = GoDuration(elapsed)
            return state.isCancelled
        }
        if !isCancelled, let head { sink.deliver(.headers(head)) }
    }

    /// A piece of the body arrived: kept, and passed on when the client takes chunks.
    func receive(_ data: Data) {
        let isCancelled = state.withLock { state in
            state.body.append(data)
            return state.isCancelled
        }
        if chunked, !isCancelled { sink.deliver(.chunk(data)) }
    }

    /// The task ended: records the interaction and ends the response, or
    /// passes the error on unchanged without recording.
    func complete(with error: (any Error)?) {
        let (response, body, duration, isCancelled) = state.withLock { ($0.response, $0.body, $0.duration, $0.isCancelled) }
        guard !isCancelled else { return }
        guard error == nil, let response else {
            sink.fail(error ?? URLError(.badServerResponse))
            return
        }
        sink.record(RecordedExchange.response(response, body: body, duration: duration))
        if !chunked, !body.isEmpty { sink.deliver(.chunk(body)) }
        sink.deliver(.finish)
    }

    /// Keeps the inner task, so that ``cancel()`` can cancel it; cancels it at
    /// once when the client already went away.
    func attach(_ task: URLSessionDataTask) {
        let isCancelled = state.withLock { state in
            state.task = task
            return state.isCancelled
        }
        if isCancelled { task.cancel() }
    }

    /// The client went away: the inner task is cancelled, and nothing more is
    /// passed on or recorded.
    func cancel() {
        let task = state.withLock { state in
            state.isCancelled = true
            return state.task
        }
        task?.cancel()
    }

    private static func headerFields(of response: HTTPURLResponse) -> [String: String] {
        var fields: [String: String] = [:]
        for (name, value) in response.allHeaderFields {
            if let name = name.base as? String, let value = value as? String { fields[name] = value }
        }
        return fields
    }
}

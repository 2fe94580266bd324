import Foundation
import VCRCassette

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One request forwarded to the network while recording: passes the
/// response to the interceptor's client as it arrives and captures its bytes.
///
/// The client may go away before the response ends (it cancelled its task,
/// its session was invalidated, a stream reader stopped early): the exchange
/// then stops passing anything on, but keeps reading the response to its end,
/// so that the recording holds the whole response as the server sent it.
///
/// The inner session's delegate calls it on the session's serial delegate queue.
package final class LiveExchange: Sendable {
    /// The interceptor's side: where the response goes while the client is there.
    package struct Client: Sendable {
        /// Performs a step of the response for the client.
        var deliver: @Sendable (ResponseDelivery.Step) -> Void
        /// Fails the request with the network's own error.
        var fail: @Sendable (any Error) -> Void

        /// Creates a client side.
        package init(
            deliver: @escaping @Sendable (ResponseDelivery.Step) -> Void, fail: @escaping @Sendable (any Error) -> Void
        ) {
            self.deliver = deliver
            self.fail = fail
        }
    }

    /// How a response ended, as the recorder is told.
    enum Ending {
        /// It arrived whole.
        case complete(RecordedResponse)
        /// The network's error ended it, and the client received the error.
        case failed(any Error)
        /// The network's error ended it after the client had gone, so nobody
        /// saw the error; with what had arrived (nil before the headers).
        case failedUnseen(any Error, received: RecordedResponse?)
    }

    /// The recorder's side: told once, when the response ended, how; called
    /// before the client learns the response ended.
    typealias Recorder = @Sendable (Ending) -> Void

    private struct State {
        var response: HTTPURLResponse?
        var body = Data()
        var duration = GoDuration.zero
        /// Each piece of the body as it arrived, for replaying the stream at its pace.
        var arrivals: [ChunkArrival] = []
        var isDetached = false

        /// The response as recorded from what arrived so far; nil before the headers.
        var recorded: RecordedResponse? {
            response.map { RecordedExchange.response($0, body: body, duration: duration, arrivals: arrivals) }
        }
    }

    /// The URL the client asked for, which its response carries.
    private let url: URL
    /// Whether every chunk reaches the client; otherwise the body goes once, at the end.
    private let chunked: Bool
    private let client: Client
    private let recorder: Recorder
    private let started = ContinuousClock.now
    private let state = Locked(State())

    init(url: URL, chunked: Bool, client: Client, recorder: @escaping Recorder) {
        self.url = url
        self.chunked = chunked
        self.client = client
        self.recorder = recorder
    }

    /// The response headers arrived: measures the duration and passes them on.
    func receive(_ response: URLResponse) {
        let elapsed = ContinuousClock.now - started
        guard let http = response as? HTTPURLResponse else { return }
        let head = HTTPURLResponse(
            url: url, statusCode: http.statusCode, httpVersion: "HTTP/1.1", headerFields: http.stringHeaderFields)
        let isDetached = state.withLock { state in
            state.response = http
            state.duration = GoDuration(elapsed)
            return state.isDetached
        }
        if !isDetached, let head { client.deliver(.headers(head)) }
    }

    /// A piece of the body arrived: kept, and passed on when the client takes chunks.
    func receive(_ data: Data) {
        let offset = GoDuration(ContinuousClock.now - started)
        let isDetached = state.withLock { state in
            state.body.append(data)
            state.arrivals.append(ChunkArrival(size: data.count, offset: offset))
            return state.isDetached
        }
        if chunked, !isDetached { client.deliver(.chunk(data)) }
    }

    /// The task ended: the recorder gets the response, or the network's error,
    /// which the client, if still there, receives unchanged.
    func complete(with error: (any Error)?) {
        let (recorded, body, isDetached) = state.withLock { ($0.recorded, $0.body, $0.isDetached) }
        guard error == nil, let recorded else {
            let failure = error ?? URLError(.badServerResponse)
            recorder(isDetached ? .failedUnseen(failure, received: recorded) : .failed(failure))
            if !isDetached { client.fail(failure) }
            return
        }
        recorder(.complete(recorded))
        guard !isDetached else { return }
        if !chunked, !body.isEmpty { client.deliver(.chunk(body)) }
        client.deliver(.finish)
    }

    /// What has arrived so far: the headers and the body up to now; nil
    /// before the headers.
    func received() -> RecordedResponse? {
        state.withLock { $0.recorded }
    }

    /// The client went away: nothing more is passed on to it, while the
    /// response is still read to its end and recorded. Calls nothing of
    /// FoundationNetworking, so it is safe from any of its queues.
    func detach() {
        state.withLock { $0.isDetached = true }
    }
}

import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A server-sent event consumer on a session of its own with a data
/// delegate, which may stop reading early the ways real consumers do: by
/// cancelling its task or invalidating its session once it has enough events.
///
/// Every read is bounded: when the task has not ended after `timeout`, the
/// outcome says so instead of the test hanging.
final class EventStreamReader: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    // @unchecked: the mutable state is only touched under `lock`.

    /// When the consumer stops reading.
    enum Stop: Sendable {
        /// It reads the stream to its end.
        case atEnd
        /// It cancels its task once this many whole events arrived.
        case cancelTask(afterEvents: Int)
        /// It calls `invalidateAndCancel()` on its session once this many whole events arrived.
        case invalidateSession(afterEvents: Int)
    }

    /// What the consumer received.
    struct Outcome: Sendable {
        var response: HTTPURLResponse?
        var body = Data()
        var chunkCount = 0
        var error: (any Error)?
        /// Whether the task had not ended when the read's bound passed.
        var timedOut = false

        /// The number of whole events in the body.
        var eventCount: Int {
            var count = 0
            var start = body.startIndex
            while let range = body.range(of: Data("\n\n".utf8), in: start..<body.endIndex) {
                count += 1
                start = range.upperBound
            }
            return count
        }

        /// Whether the task ended with a cancellation.
        var wasCancelled: Bool {
            (error as? URLError)?.code == .cancelled
        }
    }

    private let lock = NSLock()
    private let stop: Stop
    private var outcome = Outcome()
    private var hasStopped = false
    private var continuation: CheckedContinuation<Outcome, Never>?

    private init(stop: Stop) {
        self.stop = stop
    }

    /// Reads `request` on a new session made from `configuration`.
    static func read(
        _ request: URLRequest, configuration: URLSessionConfiguration, stop: Stop = .atEnd, timeout: TimeInterval = 30
    ) async -> Outcome {
        let reader = EventStreamReader(stop: stop)
        let session = URLSession(configuration: configuration, delegate: reader, delegateQueue: nil)
        let outcome = await withCheckedContinuation { continuation in
            reader.lock.withLock { reader.continuation = continuation }
            session.dataTask(with: request).resume()
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { reader.finish(timedOut: true) }
        }
        session.finishTasksAndInvalidate()
        return outcome
    }

    private func finish(error: (any Error)? = nil, timedOut: Bool = false) {
        let (finished, continuation) = lock.withLock {
            if !timedOut { outcome.error = error }
            outcome.timedOut = timedOut
            defer { self.continuation = nil }
            return (outcome, self.continuation)
        }
        continuation?.resume(returning: finished)
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        lock.withLock { outcome.response = response as? HTTPURLResponse }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let stopsNow = lock.withLock { () -> Bool in
            outcome.body.append(data)
            outcome.chunkCount += 1
            guard !hasStopped else { return false }
            switch stop {
            case .atEnd: return false
            case .cancelTask(let events), .invalidateSession(let events):
                hasStopped = outcome.eventCount >= events
                return hasStopped
            }
        }
        guard stopsNow else { return }
        switch stop {
        case .atEnd: break
        case .cancelTask: dataTask.cancel()
        case .invalidateSession: session.invalidateAndCancel()
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        finish(error: error)
    }
}

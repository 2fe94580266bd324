import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A data delegate that records the chunks of one task as they arrive, the
/// way a streaming consumer reads a response.
final class ChunkRecorder: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    // @unchecked: the mutable state is only touched under `lock`.
    struct Outcome: Sendable {
        var response: HTTPURLResponse?
        var chunks: [Data]
        var error: (any Error)?
        var body: Data { chunks.reduce(Data(), +) }
    }

    private let lock = NSLock()
    private var outcome = Outcome(chunks: [])
    private var continuation: CheckedContinuation<Outcome, Never>?

    /// Runs a data task for `request` on a new session with this delegate and returns what arrived.
    static func run(_ request: URLRequest, configuration: URLSessionConfiguration) async -> Outcome {
        let recorder = ChunkRecorder()
        let session = URLSession(configuration: configuration, delegate: recorder, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        return await recorder.run { session.dataTask(with: request) }
    }

    /// Resumes the task `makeTask` creates on a session with this delegate and returns what arrived.
    func run(_ makeTask: () -> URLSessionTask) async -> Outcome {
        await withCheckedContinuation { continuation in
            lock.withLock {
                outcome = Outcome(chunks: [])
                self.continuation = continuation
            }
            makeTask().resume()
        }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        lock.withLock { outcome.response = response as? HTTPURLResponse }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.withLock {
            if outcome.response == nil { outcome.response = dataTask.response as? HTTPURLResponse }
            outcome.chunks.append(data)
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let (finished, continuation) = lock.withLock {
            outcome.error = error
            if outcome.response == nil { outcome.response = task.response as? HTTPURLResponse }
            defer { self.continuation = nil }
            return (outcome, self.continuation)
        }
        continuation?.resume(returning: finished)
    }
}

import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A data delegate that collects one task's response chunk by chunk, as a
/// streaming consumer reads it.
final class ChunkCollector: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    // @unchecked: `collected` and `continuation` are only touched under `lock`.

    /// What arrived for the task.
    struct Collected: Sendable {
        var response: HTTPURLResponse?
        var chunks: [Data] = []
        var error: (any Error)?
    }

    private let lock = NSLock()
    private var collected = Collected()
    private var continuation: CheckedContinuation<Collected, Never>?

    /// Sends `request` through a new session with this kind of delegate and returns what arrived.
    static func collect(_ request: URLRequest, configuration: URLSessionConfiguration) async -> Collected {
        let collector = ChunkCollector()
        let session = URLSession(configuration: configuration, delegate: collector, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        return await withCheckedContinuation { continuation in
            collector.lock.withLock { collector.continuation = continuation }
            session.dataTask(with: request).resume()
        }
    }

    /// Follows no redirect: each hop of a recorded chain is checked alone.
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.withLock { collected.chunks.append(data) }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let (result, continuation) = lock.withLock {
            collected.error = error
            collected.response = task.response as? HTTPURLResponse
            defer { self.continuation = nil }
            return (collected, self.continuation)
        }
        continuation?.resume(returning: result)
    }
}

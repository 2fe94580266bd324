import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A data delegate that collects one task's response chunk by chunk, as a
/// streaming consumer reads it.
final class ChunkCollector: NSObject, URLSessionDataDelegate, Sendable {
    /// What arrived for the task.
    struct Collected: Sendable {
        var response: HTTPURLResponse?
        var chunks: [Data] = []
        var error: (any Error)?
    }

    /// What arrived so far, and the caller waiting for the task to complete.
    private struct State: Sendable {
        var collected = Collected()
        var continuation: CheckedContinuation<Collected, Never>?
    }

    private let state = Locked(State())

    /// Sends `request` through a new session with this kind of delegate and returns what arrived.
    static func collect(_ request: URLRequest, configuration: URLSessionConfiguration) async -> Collected {
        let collector = ChunkCollector()
        let session = URLSession(configuration: configuration, delegate: collector, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        return await withCheckedContinuation { continuation in
            collector.state.withLock { $0.continuation = continuation }
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
        state.withLock { $0.collected.chunks.append(data) }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let response = task.response as? HTTPURLResponse
        let (result, continuation) = state.withLock { state in
            state.collected.error = error
            state.collected.response = response
            defer { state.continuation = nil }
            return (state.collected, state.continuation)
        }
        continuation?.resume(returning: result)
    }
}

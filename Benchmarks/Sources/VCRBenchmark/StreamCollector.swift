import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A session's data delegate that receives one streamed response at a time,
/// chunk by chunk, as a streaming client does.
final class StreamCollector: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    // @unchecked: every field is touched under `lock`.

    /// What arrived of one response.
    private struct Received: Sendable {
        var status = 0
        var chunks = 0
        var bytes = 0
    }

    private let lock = NSLock()
    private var continuation: CheckedContinuation<Received, any Error>?
    private var received = Received()

    /// Sends `request` as a data task of `session`, whose delegate this is,
    /// and waits for its end; returns the body bytes after checking that
    /// they came in `expectedChunks` chunks with status 200.
    func stream(_ request: URLRequest, through session: URLSession, expectedChunks: Int) async throws -> Int {
        let received = try await withCheckedThrowingContinuation { continuation in
            lock.withLock {
                self.continuation = continuation
                self.received = Received()
            }
            session.dataTask(with: request).resume()
        }
        guard received.status == 200, received.chunks == expectedChunks else {
            throw BenchmarkFailure(
                "\(request.url?.absoluteString ?? "?") answered \(received.status) in \(received.chunks) chunks, "
                    + "not \(expectedChunks)")
        }
        return received.bytes
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        lock.withLock { received.status = (response as? HTTPURLResponse)?.statusCode ?? 0 }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.withLock {
            received.chunks += 1
            received.bytes += data.count
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        lock.lock()
        let waiting = continuation
        continuation = nil
        let received = received
        lock.unlock()
        if let error {
            waiting?.resume(throwing: error)
        } else {
            waiting?.resume(returning: received)
        }
    }
}

import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends a recording VCR's requests to the network through an inner
/// URLSession that has no interceptor, and routes each task's callbacks to its
/// ``LiveExchange``.
///
/// The session has a data delegate, so body chunks arrive as the server sends
/// them. It follows no redirect: each hop is recorded as an interaction of its
/// own, as go-vcr records them, and the interceptor follows the redirect (see
/// ``RedirectFollower``), forwarding the next hop when nothing answers it.
final class Forwarder: NSObject, URLSessionDataDelegate, Sendable {
    /// The inner session's life: created on first use, and once invalidated never again.
    private enum SessionState {
        case unused
        case live(URLSession)
        case invalidated
    }

    private let exchanges = Locked<[Int: LiveExchange]>([:])
    private let session = Locked(SessionState.unused)

    /// Starts `request` on the inner session, reporting to `exchange`. The
    /// task runs to its end even when the exchange's client goes away.
    ///
    /// Must not be called from one of FoundationNetworking's work queues: creating
    /// a task waits on a queue its sessions share.
    /// After ``invalidate()`` the request fails as cancelled, without being sent.
    func start(_ request: URLRequest, reportingTo exchange: LiveExchange) {
        guard let session = innerSession() else {
            exchange.complete(with: URLError(.cancelled))
            return
        }
        let task = session.dataTask(with: request)
        exchanges.withLock { $0[task.taskIdentifier] = exchange }
        task.resume()
    }

    /// Cancels the inner session's tasks and lets it go, from a queue of
    /// Dispatch's own, without waiting: safe from any thread, FoundationNetworking's
    /// work queues and a deinit included.
    func invalidate() {
        let previous = session.withLock { state in
            defer { state = .invalidated }
            return state
        }
        guard case .live(let session) = previous else { return }
        DispatchQueue.global().async { session.invalidateAndCancel() }
    }

    /// The inner session, created on first use; nil once invalidated.
    private func innerSession() -> URLSession? {
        session.withLock { state in
            switch state {
            case .live(let session):
                return session
            case .invalidated:
                return nil
            case .unused:
                let created = URLSession(configuration: .ephemeral, delegate: self, delegateQueue: nil)
                state = .live(created)
                return created
            }
        }
    }

    private func exchange(for task: URLSessionTask) -> LiveExchange? {
        exchanges.withLock { $0[task.taskIdentifier] }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        exchange(for: dataTask)?.receive(response)
        completionHandler(.allow)
    }

    /// Refuses every redirect: the redirect response itself is recorded.
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        exchange(for: dataTask)?.receive(data)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let exchange = exchanges.withLock { $0.removeValue(forKey: task.taskIdentifier) }
        exchange?.complete(with: error)
    }
}

import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends a recording VCR's requests to the network through an inner
/// URLSession that has no interceptor, and routes each task's callbacks to its
/// ``LiveExchange``.
///
/// The session has a data delegate, so body chunks arrive as the server sends
/// them. It follows redirects: the interaction holds the final response under
/// the URL the client asked for, which is what the client receives too.
final class Forwarder: NSObject, URLSessionDataDelegate, Sendable {
    private let exchanges = Locked<[Int: LiveExchange]>([:])
    private let session = Locked<URLSession?>(nil)

    /// Starts `request` on the inner session, reporting to `exchange`. The
    /// task runs to its end even when the exchange's client goes away.
    ///
    /// Must not be called from one of FoundationNetworking's work queues: creating
    /// a task waits on a queue its sessions share.
    func start(_ request: URLRequest, reportingTo exchange: LiveExchange) {
        let task = innerSession().dataTask(with: request)
        exchanges.withLock { $0[task.taskIdentifier] = exchange }
        task.resume()
    }

    /// Cancels the inner session's tasks and lets it go, from a queue of
    /// Dispatch's own, without waiting: safe from any thread, FoundationNetworking's
    /// work queues and a deinit included.
    func invalidate() {
        guard let session = session.withLock({ session in
            defer { session = nil }
            return session
        }) else { return }
        DispatchQueue.global().async { session.invalidateAndCancel() }
    }

    private func innerSession() -> URLSession {
        session.withLock { session in
            if let session { return session }
            let created = URLSession(configuration: .ephemeral, delegate: self, delegateQueue: nil)
            session = created
            return created
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

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        exchange(for: dataTask)?.receive(data)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let exchange = exchanges.withLock { $0.removeValue(forKey: task.taskIdentifier) }
        exchange?.complete(with: error)
    }
}

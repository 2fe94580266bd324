import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A response body as URLSession's data delegate receives it, chunk by chunk.
///
/// Streaming clients need a data delegate: on Linux, `data(for:)` and
/// completion handlers receive only the last chunk of a streamed body, and
/// `URLSession.bytes(for:)` does not exist.
final class ByteStream: NSObject, URLSessionDataDelegate, Sendable {
    /// A response whose status is not 2xx.
    struct StatusError: Error, Equatable {
        let statusCode: Int
    }

    private let continuation: AsyncThrowingStream<Data, any Error>.Continuation

    private init(continuation: AsyncThrowingStream<Data, any Error>.Continuation) {
        self.continuation = continuation
    }

    /// Sends `request` on a new session made from `configuration` and yields the body's chunks.
    static func chunks(of request: URLRequest, configuration: URLSessionConfiguration) -> AsyncThrowingStream<
        Data, any Error
    > {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: Data.self)
        let session = URLSession(
            configuration: configuration, delegate: ByteStream(continuation: continuation), delegateQueue: nil)
        let task = session.dataTask(with: request)
        continuation.onTermination = { _ in
            task.cancel()
            session.finishTasksAndInvalidate()
        }
        task.resume()
        return stream
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        if let response = response as? HTTPURLResponse, !(200..<300).contains(response.statusCode) {
            continuation.finish(throwing: StatusError(statusCode: response.statusCode))
            completionHandler(.cancel)
            return
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        continuation.yield(data)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        continuation.finish(throwing: error)
        session.finishTasksAndInvalidate()
    }
}

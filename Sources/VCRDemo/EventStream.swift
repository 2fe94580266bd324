import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends a request on a session with a data delegate and yields the `data:`
/// payloads of its server-sent events as the chunks arrive.
final class EventStream: NSObject, URLSessionDataDelegate, Sendable {
    private let continuation: AsyncThrowingStream<Data, any Error>.Continuation
    let chunks: AsyncThrowingStream<Data, any Error>

    override init() {
        (chunks, continuation) = AsyncThrowingStream.makeStream()
    }

    /// The `data:` payloads of the response to `request`, in order.
    static func events(for request: URLRequest, configuration: URLSessionConfiguration) -> AsyncThrowingStream<
        String, any Error
    > {
        let stream = EventStream()
        let session = URLSession(configuration: configuration, delegate: stream, delegateQueue: nil)
        session.dataTask(with: request).resume()
        return AsyncThrowingStream { continuation in
            let reading = Task {
                var buffer = Data()
                do {
                    for try await chunk in stream.chunks {
                        buffer.append(chunk)
                        while let end = buffer.range(of: Data("\n\n".utf8)) {
                            let event = String(decoding: buffer[buffer.startIndex..<end.lowerBound], as: UTF8.self)
                            buffer.removeSubrange(buffer.startIndex..<end.upperBound)
                            for line in event.split(separator: "\n") where line.hasPrefix("data: ") {
                                continuation.yield(String(line.dropFirst(6)))
                            }
                        }
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
                session.finishTasksAndInvalidate()
            }
            continuation.onTermination = { _ in reading.cancel() }
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        continuation.yield(data)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        continuation.finish(throwing: error)
    }
}

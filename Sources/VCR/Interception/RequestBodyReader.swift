import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Reads a request's body from wherever URLSession put it: `httpBody`,
/// `httpBodyStream` (read to its end), or the upload body of the task.
enum RequestBodyReader {
    /// The longest body read from a stream, so that an endless stream cannot hang the request.
    static let streamLimit = 256 << 20

    /// Why a body stream could not be read.
    struct Failure: Error {
        let reason: String
    }

    /// The body, or nil when the request has none.
    static func body(of request: URLRequest, uploadBody: Data?) throws(Failure) -> Data? {
        if let body = request.httpBody, !body.isEmpty { return body }
        if let stream = request.httpBodyStream { return try read(stream) }
        return uploadBody
    }

    private static func read(_ stream: InputStream) throws(Failure) -> Data {
        stream.open()
        defer { stream.close() }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = stream.read(&buffer, maxLength: buffer.count)
            if count < 0 {
                throw Failure(reason: stream.streamError.map { "\($0)" } ?? "the stream reported an error")
            }
            if count == 0 { return data }
            data.append(buffer, count: count)
            if data.count > streamLimit {
                throw Failure(reason: "it is longer than \(streamLimit) bytes")
            }
        }
    }
}

import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The floor of streaming: a `URLProtocol` that answers every request at once
/// with the same event stream, one `didLoad` per event, as the VCR delivers
/// a recorded stream to a data delegate.
final class StreamingConstantProtocol: URLProtocol {
    /// The first response of ``StreamBenchmark/workload(count:)``, whose head every response carries.
    private static let firstResponse = StreamBenchmark.workload(count: 1).cassette.interactions[0].response

    /// The head every response carries.
    private static let head = ReplayWorkload.Head(firstResponse)

    /// The events every response carries: the first stream, cut at blank lines.
    static let chunks: [Data] = {
        let body = firstResponse.body
        var chunks: [Data] = []
        var start = body.startIndex
        while let blank = body[start...].firstRange(of: Data("\n\n".utf8)) {
            chunks.append(Data(body[start..<blank.upperBound]))
            start = blank.upperBound
        }
        if start < body.endIndex { chunks.append(Data(body[start...])) }
        return chunks
    }()

    override class func canInit(with request: URLRequest) -> Bool {
        true
    }

    override class func canonicalRequest(for request: URLRequest) -> URLRequest {
        request
    }

    override func startLoading() {
        guard let url = request.url,
            let response = HTTPURLResponse(
                url: url, statusCode: 200, httpVersion: Self.head.version, headerFields: Self.head.fields)
        else {
            client?.urlProtocol(self, didFailWithError: URLError(.badURL))
            return
        }
        client?.urlProtocol(self, didReceive: response, cacheStoragePolicy: .notAllowed)
        for chunk in Self.chunks { client?.urlProtocol(self, didLoad: chunk) }
        client?.urlProtocolDidFinishLoading(self)
    }

    override func stopLoading() {}
}

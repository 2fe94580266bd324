import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The floor of replaying: a `URLProtocol` that answers every request at once
/// with the same response (the first generated interaction's head and body),
/// and does nothing else.
final class ConstantResponseProtocol: URLProtocol {
    /// The body every response carries: the first generated interaction's stream.
    static let body = ReplayWorkload.responseBody

    override class func canInit(with request: URLRequest) -> Bool {
        true
    }

    override class func canonicalRequest(for request: URLRequest) -> URLRequest {
        request
    }

    override func startLoading() {
        guard let url = request.url,
            let response = HTTPURLResponse(
                url: url, statusCode: 200, httpVersion: ReplayWorkload.responseHead.version,
                headerFields: ReplayWorkload.responseHead.fields)
        else {
            client?.urlProtocol(self, didFailWithError: URLError(.badURL))
            return
        }
        client?.urlProtocol(self, didReceive: response, cacheStoragePolicy: .notAllowed)
        client?.urlProtocol(self, didLoad: Self.body)
        client?.urlProtocolDidFinishLoading(self)
    }

    override func stopLoading() {}
}

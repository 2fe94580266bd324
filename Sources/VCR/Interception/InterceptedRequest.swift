import Foundation

/// A request as the interceptor saw it, ready to be matched against a cassette.
///
/// Custom matchers (``Matcher/custom(_:_:)``) receive this value.
public struct InterceptedRequest: Sendable, Hashable {
    /// The method, such as `POST`.
    public var method: String
    /// The URL as the request's `URL.absoluteString` writes it.
    public var url: String
    /// Header fields: the request's own, over the session configuration's
    /// `httpAdditionalHeaders` when the interceptor can see them.
    public var headers: [String: [String]]
    /// The body bytes, or nil when the request has no body.
    public var body: Data?

    /// Creates a request.
    public init(method: String, url: String, headers: [String: [String]] = [:], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The values of the header with this name, whatever the case of the name.
    public func headerValues(_ name: String) -> [String] {
        HeaderFields(headers)[name]
    }
}

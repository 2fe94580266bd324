import Foundation

/// An HTTP request as go-vcr records it.
///
/// Field names follow the cassette's keys. Header, trailer and form maps keep
/// the recorded name case and the order of each name's values.
public struct RecordedRequest: Sendable, Hashable {
    /// The protocol, such as `HTTP/1.1`.
    public var proto: String
    /// The protocol's major version.
    public var protoMajor: Int
    /// The protocol's minor version.
    public var protoMinor: Int
    /// The body length, or -1 when unknown.
    public var contentLength: Int64
    /// Transfer encodings, outermost first (`transfer_encoding`).
    public var transferEncoding: [String]
    /// Trailer fields.
    public var trailer: [String: [String]]
    /// The `Host` the request was sent to (often empty).
    public var host: String
    /// The client's address as the server saw it (`remote_addr`).
    public var remoteAddress: String
    /// The unmodified request target (`request_uri`).
    public var requestURI: String
    /// The body, byte for byte.
    public var body: Data
    /// Query parameters and urlencoded form fields.
    public var form: [String: [String]]
    /// Header fields.
    public var headers: [String: [String]]
    /// The URL exactly as recorded, percent-escapes included.
    public var url: String
    /// The method, such as `GET`.
    public var method: String

    /// Creates a request; every field defaults to what go-vcr writes for an empty one.
    public init(
        proto: String = "HTTP/1.1",
        protoMajor: Int = 1,
        protoMinor: Int = 1,
        contentLength: Int64 = 0,
        transferEncoding: [String] = [],
        trailer: [String: [String]] = [:],
        host: String = "",
        remoteAddress: String = "",
        requestURI: String = "",
        body: Data = Data(),
        form: [String: [String]] = [:],
        headers: [String: [String]] = [:],
        url: String = "",
        method: String = "GET"
    ) {
        self.proto = proto
        self.protoMajor = protoMajor
        self.protoMinor = protoMinor
        self.contentLength = contentLength
        self.transferEncoding = transferEncoding
        self.trailer = trailer
        self.host = host
        self.remoteAddress = remoteAddress
        self.requestURI = requestURI
        self.body = body
        self.form = form
        self.headers = headers
        self.url = url
        self.method = method
    }
}

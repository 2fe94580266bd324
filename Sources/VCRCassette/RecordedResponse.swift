import Foundation

/// An HTTP response as go-vcr records it.
public struct RecordedResponse: Sendable, Hashable {
    /// The protocol, such as `HTTP/2.0`.
    public var proto: String
    /// The protocol's major version.
    public var protoMajor: Int
    /// The protocol's minor version.
    public var protoMinor: Int
    /// Transfer encodings, outermost first (`transfer_encoding`).
    public var transferEncoding: [String]
    /// Trailer fields.
    public var trailer: [String: [String]]
    /// The body length, or -1 when unknown (streamed or decompressed).
    public var contentLength: Int64
    /// Whether the client decompressed the body; if so the stored body is decoded
    /// and `Content-Encoding`/`Content-Length` are gone from ``headers``.
    public var uncompressed: Bool
    /// The body, byte for byte.
    public var body: Data
    /// Header fields.
    public var headers: [String: [String]]
    /// The status line text, such as `200 OK`.
    public var status: String
    /// The status code, such as 200.
    public var code: Int
    /// The time from sending the request to receiving the response headers.
    public var duration: GoDuration
    /// When each piece of the body arrived while recording (`x_chunks`, an
    /// extension go-vcr ignores); empty when not recorded, as for a body that
    /// was not streamed.
    public var chunkArrivals: [ChunkArrival]

    /// Creates a response; every field defaults to what go-vcr writes for an empty one.
    public init(
        proto: String = "HTTP/1.1",
        protoMajor: Int = 1,
        protoMinor: Int = 1,
        transferEncoding: [String] = [],
        trailer: [String: [String]] = [:],
        contentLength: Int64 = 0,
        uncompressed: Bool = false,
        body: Data = Data(),
        headers: [String: [String]] = [:],
        status: String = "200 OK",
        code: Int = 200,
        duration: GoDuration = .zero,
        chunkArrivals: [ChunkArrival] = []
    ) {
        self.proto = proto
        self.protoMajor = protoMajor
        self.protoMinor = protoMinor
        self.transferEncoding = transferEncoding
        self.trailer = trailer
        self.contentLength = contentLength
        self.uncompressed = uncompressed
        self.body = body
        self.headers = headers
        self.status = status
        self.code = code
        self.duration = duration
        self.chunkArrivals = chunkArrivals
    }
}

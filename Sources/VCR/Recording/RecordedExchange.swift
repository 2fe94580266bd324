import Foundation
import VCRCassette

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Builds the cassette's view of a forwarded request and of the response it
/// received, in go-vcr's terms.
///
/// URLSession exposes neither the HTTP version nor the reason phrase, so every
/// interaction is written as `HTTP/1.1` (1, 1) and its status text is Go's
/// (``GoStatusText``).
enum RecordedExchange {
    /// The encodings URLSession decodes by itself.
    private static let decodedEncodings: Set<String> = ["gzip", "x-gzip", "deflate", "br"]

    /// The request as go-vcr records an outgoing client request, header names
    /// in Go's canonical form.
    static func request(_ request: InterceptedRequest) -> RecordedRequest {
        let url = URL(string: request.url)
        let body = request.body ?? Data()
        return RecordedRequest(
            contentLength: Int64(body.count),
            host: url.map(hostField) ?? "",
            body: body,
            form: GoForm.fields(
                method: request.method, url: request.url, contentType: request.headerValues("Content-Type").first,
                body: body),
            headers: GoHeaderName.canonical(request.headers),
            url: request.url,
            method: request.method)
    }

    /// Go's `Request.Host` for a URL: its host, and its port when it has one.
    private static func hostField(_ url: URL) -> String {
        guard let host = url.host else { return "" }
        let bracketed = host.contains(":") ? "[\(host)]" : host
        return url.port.map { "\(bracketed):\($0)" } ?? bracketed
    }

    /// The response as go-vcr records it.
    ///
    /// Header names are Go's canonical ones (``GoHeaderName``). A body
    /// URLSession decompressed is stored decompressed, marked
    /// `uncompressed`, without `Content-Encoding` and `Content-Length` and with
    /// length -1; `Transfer-Encoding` moves from the headers to `transfer_encoding`.
    /// The pieces' `arrivals` are kept for a streamed body that came in more
    /// than one piece, so that ``VCR/Timing/realTime(speed:)`` replays it at its pace.
    static func response(
        _ response: HTTPURLResponse, body: Data, duration: GoDuration, arrivals: [ChunkArrival] = []
    ) -> RecordedResponse {
        var headers = GoHeaderName.canonical(response.stringHeaderFields.mapValues { [$0] })
        let fields = HeaderFields(headers)
        let encodings = fields.normalizedValues("Content-Encoding").map { $0.lowercased() }
        let uncompressed = !encodings.isEmpty && encodings.allSatisfy(decodedEncodings.contains) && !isGzip(body)
        let transferEncoding = fields.normalizedValues("Transfer-Encoding").map { $0.lowercased() }
        var removed: Set<String> = ["transfer-encoding"]
        if uncompressed { removed.formUnion(["content-encoding", "content-length"]) }
        headers = headers.filter { !removed.contains($0.key.lowercased()) }
        let declaredLength = fields["Content-Length"].first.flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
        let contentLength: Int64 =
            if forbidsBody(response.statusCode) { 0 } else if uncompressed || !transferEncoding.isEmpty { -1 } else {
                declaredLength ?? -1
            }
        var recorded = RecordedResponse(
            transferEncoding: transferEncoding,
            contentLength: contentLength,
            uncompressed: uncompressed,
            body: body,
            headers: headers,
            status: GoStatusText.status(forCode: response.statusCode),
            code: response.statusCode,
            duration: duration)
        if arrivals.count > 1, StreamFormat(of: recorded) != .whole { recorded.chunkArrivals = arrivals }
        return recorded
    }

    /// Whether a response with this status has no body (1xx, 204, 304): Go reports its length as 0.
    private static func forbidsBody(_ code: Int) -> Bool {
        code / 100 == 1 || code == 204 || code == 304
    }

    /// Whether a body still starts with gzip's magic bytes: not decoded by URLSession.
    private static func isGzip(_ body: Data) -> Bool {
        body.count >= 2 && body[body.startIndex] == 0x1F && body[body.startIndex + 1] == 0x8B
    }
}

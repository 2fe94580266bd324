extension CassetteDecoder {
    /// A response whose every field is Go's zero value, what missing keys leave.
    static var emptyResponse: RecordedResponse {
        RecordedResponse(proto: "", protoMajor: 0, protoMinor: 0, status: "", code: 0)
    }

    /// Reads a `response` mapping; null is an empty response.
    mutating func decodeResponse() throws(CassetteError) -> RecordedResponse {
        var response = Self.emptyResponse
        guard try startMapping("response", at: \.response) else { return response }
        var keys = MappingKeys<ResponseKey>()
        while let key = try nextField(&keys) {
            let name = key.rawValue
            switch key {
            case .proto: response.proto = try decodeString(for: "`\(name)`")
            case .protoMajor: response.protoMajor = try decodeInt(for: "`\(name)`")
            case .protoMinor: response.protoMinor = try decodeInt(for: "`\(name)`")
            case .transferEncoding: response.transferEncoding = try omittable(decodeStrings(for: "`\(name)`"))
            case .trailer:
                response.trailer = try omittable(decodeFields(for: "`\(name)`", areHeaders: requiresServableResponses))
            case .contentLength: response.contentLength = try decodeInteger(for: "`\(name)`")
            case .uncompressed:
                response.uncompressed = try decodeBoolean(for: "`\(name)`")
                evidence.noteOmittableField(isEmpty: !response.uncompressed)
            case .body: response.body = try decodeBody(for: "`\(name)`")
            case .headers: response.headers = try decodeFields(for: "`\(name)`", areHeaders: requiresServableResponses)
            case .status:
                response.status = try decodeString(for: "`\(name)`")
                noteValue(\.status)
            case .code:
                response.code = try decodeStatusCode()
                noteValue(\.code)
            case .duration: response.duration = try decodeDuration(for: "`\(name)`")
            case .chunkArrivals: response.chunkArrivals = try decodeChunkArrivals(for: "`\(name)`")
            }
        }
        return response
    }
}

/// The keys of a response's mapping, in the order go-vcr writes them.
enum ResponseKey: String, SchemaKey {
    case proto
    case protoMajor = "proto_major"
    case protoMinor = "proto_minor"
    case transferEncoding = "transfer_encoding"
    case trailer
    case contentLength = "content_length"
    case uncompressed
    case body
    case headers
    case status
    case code
    case duration
    /// This project's extension: when the body's pieces arrived (``ChunkArrival``).
    case chunkArrivals = "x_chunks"

    static let table = KeyTable<Self>()
}

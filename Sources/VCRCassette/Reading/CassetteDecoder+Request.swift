extension CassetteDecoder {
    /// A request whose every field is Go's zero value, what missing keys leave.
    static var emptyRequest: RecordedRequest { RecordedRequest(proto: "", protoMajor: 0, protoMinor: 0, method: "") }

    /// Reads a `request` mapping; null is an empty request.
    mutating func decodeRequest() throws(CassetteError) -> RecordedRequest {
        var request = Self.emptyRequest
        guard try startMapping("request", at: \.request) else { return request }
        var keys = MappingKeys<RequestKey>()
        while let key = try nextField(&keys) {
            let name = key.rawValue
            switch key {
            case .proto: request.proto = try decodeString(for: "`\(name)`")
            case .protoMajor: request.protoMajor = try decodeInt(for: "`\(name)`")
            case .protoMinor: request.protoMinor = try decodeInt(for: "`\(name)`")
            case .contentLength: request.contentLength = try decodeInteger(for: "`\(name)`")
            case .transferEncoding: request.transferEncoding = try omittable(decodeStrings(for: "`\(name)`"))
            case .trailer: request.trailer = try omittable(decodeFields(for: "`\(name)`"))
            case .host: request.host = try decodeString(for: "`\(name)`")
            case .remoteAddress: request.remoteAddress = try omittable(decodeString(for: "`\(name)`"))
            case .requestURI: request.requestURI = try omittable(decodeString(for: "`\(name)`"))
            case .body: request.body = try omittable(decodeBody(for: "`\(name)`"))
            case .form: request.form = try omittable(decodeFields(for: "`\(name)`"))
            case .headers: request.headers = try omittable(decodeFields(for: "`\(name)`"))
            case .url:
                request.url = try decodeString(for: "`\(name)`")
                noteValue(\.url)
            case .method: request.method = try decodeString(for: "`\(name)`")
            }
        }
        return request
    }
}

/// The keys of a request's mapping, in the order go-vcr writes them.
enum RequestKey: String, SchemaKey {
    case proto
    case protoMajor = "proto_major"
    case protoMinor = "proto_minor"
    case contentLength = "content_length"
    case transferEncoding = "transfer_encoding"
    case trailer
    case host
    case remoteAddress = "remote_addr"
    case requestURI = "request_uri"
    case body
    case form
    case headers
    case url
    case method

    static let table = KeyTable<Self>()
}

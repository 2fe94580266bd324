extension CassetteDecoder {
    /// A request whose every field is Go's zero value, what missing keys leave.
    static var emptyRequest: RecordedRequest { RecordedRequest(proto: "", protoMajor: 0, protoMinor: 0, method: "") }

    /// Reads a `request` mapping; null is an empty request.
    mutating func decodeRequest() throws(CassetteError) -> RecordedRequest {
        var request = Self.emptyRequest
        let event = try events.next()
        noteValue(\.request)
        if event.isNull { return request }
        guard event.kind == .mappingStart else { throw mismatch(event, expected: "a mapping for `request`") }
        var keys = MappingKeys<RequestKey>()
        while let entry = try nextEntry(&keys) {
            guard case .field(let key) = entry else {
                try skipValue()
                continue
            }
            let name = key.rawValue
            switch key {
            case .proto: request.proto = try decodeString(for: "`\(name)`")
            case .protoMajor: request.protoMajor = try decodeInt(for: "`\(name)`")
            case .protoMinor: request.protoMinor = try decodeInt(for: "`\(name)`")
            case .contentLength: request.contentLength = try decodeInteger(for: "`\(name)`")
            case .transferEncoding:
                request.transferEncoding = try decodeStrings(for: "`\(name)`")
                evidence.noteOmittableField(isEmpty: request.transferEncoding.isEmpty)
            case .trailer:
                request.trailer = try decodeFields(for: "`\(name)`")
                evidence.noteOmittableField(isEmpty: request.trailer.isEmpty)
            case .host: request.host = try decodeString(for: "`\(name)`")
            case .remoteAddress:
                request.remoteAddress = try decodeString(for: "`\(name)`")
                evidence.noteOmittableField(isEmpty: request.remoteAddress.isEmpty)
            case .requestURI:
                request.requestURI = try decodeString(for: "`\(name)`")
                evidence.noteOmittableField(isEmpty: request.requestURI.isEmpty)
            case .body:
                request.body = try decodeBody(for: "`\(name)`")
                evidence.noteOmittableField(isEmpty: request.body.isEmpty)
            case .form:
                request.form = try decodeFields(for: "`\(name)`")
                evidence.noteOmittableField(isEmpty: request.form.isEmpty)
            case .headers:
                request.headers = try decodeFields(for: "`\(name)`")
                evidence.noteOmittableField(isEmpty: request.headers.isEmpty)
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

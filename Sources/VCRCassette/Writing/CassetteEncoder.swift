import Foundation

/// Writes a ``Cassette`` in go-vcr's field order and omission rules.
struct CassetteEncoder {
    private var emitter: YAMLEmitter
    private let writesEmptyFields: Bool
    private let style: CassetteLayout.Style

    /// Encodes `cassette` into the bytes of its file.
    static func encode(_ cassette: Cassette) -> [UInt8] {
        let bodyBytes = cassette.interactions.reduce(0) { $0 + $1.request.body.count + $1.response.body.count }
        var encoder = CassetteEncoder(
            emitter: YAMLEmitter(
                style: cassette.layout.style, capacity: bodyBytes + cassette.interactions.count * 1024),
            writesEmptyFields: cassette.layout.writesEmptyFields,
            style: cassette.layout.style
        )
        encoder.encodeDocument(cassette)
        return encoder.emitter.output
    }

    /// Encodes `interactions` as the items that continue a document in
    /// `layout` which already has at least one: the bytes that follow the
    /// last item of such a file when they are added to it.
    static func encodeContinuation(_ interactions: [Interaction], layout: CassetteLayout) -> [UInt8] {
        let bodyBytes = interactions.reduce(0) { $0 + $1.request.body.count + $1.response.body.count }
        var encoder = CassetteEncoder(
            emitter: YAMLEmitter(style: layout.style, capacity: bodyBytes + interactions.count * 1024),
            writesEmptyFields: layout.writesEmptyFields,
            style: layout.style
        )
        encoder.encodeItems(interactions)
        encoder.emitter.writeDocumentEnd()
        return encoder.emitter.output
    }

    private mutating func encodeDocument(_ cassette: Cassette) {
        emitter.writeDocumentStart()
        emitter.writeKey(Array("version".utf8), indent: 0)
        emitter.writePlain(String(Cassette.formatVersion))
        emitter.writeKey(Array("interactions".utf8), indent: 0)
        if cassette.interactions.isEmpty {
            emitter.writeEmptyCollection(isMapping: false)
        }
        encodeItems(cassette.interactions)
        emitter.writeDocumentEnd()
    }

    /// The `- id: …` items of the top-level `interactions` sequence.
    private mutating func encodeItems(_ interactions: [Interaction]) {
        let itemIndent = emitter.sequenceIndent(0)
        for interaction in interactions {
            emitter.writeSequenceItem(indent: itemIndent)
            encode(interaction, indent: itemIndent + 2)
        }
    }

    private mutating func encode(_ interaction: Interaction, indent: Int) {
        integer("id", interaction.id, indent)
        emitter.writeKey(Array("request".utf8), indent: indent)
        encode(interaction.request, indent: emitter.nestedIndent(indent))
        emitter.writeKey(Array("response".utf8), indent: indent)
        encode(interaction.response, indent: emitter.nestedIndent(indent))
    }

    private mutating func encode(_ request: RecordedRequest, indent: Int) {
        string("proto", request.proto, indent)
        integer("proto_major", request.protoMajor, indent)
        integer("proto_minor", request.protoMinor, indent)
        integer("content_length", request.contentLength, indent)
        list("transfer_encoding", request.transferEncoding, indent, omitEmpty: true)
        multimap("trailer", request.trailer, indent, omitEmpty: true)
        string("host", request.host, indent)
        string("remote_addr", request.remoteAddress, indent, omitEmpty: true)
        string("request_uri", request.requestURI, indent, omitEmpty: true)
        body(request.body, indent, omitEmpty: true)
        multimap("form", request.form, indent, omitEmpty: true)
        multimap("headers", request.headers, indent, omitEmpty: true)
        string("url", request.url, indent)
        string("method", request.method, indent)
    }

    private mutating func encode(_ response: RecordedResponse, indent: Int) {
        string("proto", response.proto, indent)
        integer("proto_major", response.protoMajor, indent)
        integer("proto_minor", response.protoMinor, indent)
        list("transfer_encoding", response.transferEncoding, indent, omitEmpty: true)
        multimap("trailer", response.trailer, indent, omitEmpty: true)
        integer("content_length", response.contentLength, indent)
        if response.uncompressed || writesEmptyFields {
            emitter.writeKey(Array("uncompressed".utf8), indent: indent)
            emitter.writePlain(response.uncompressed ? "true" : "false")
        }
        body(response.body, indent, omitEmpty: false)
        multimap("headers", response.headers, indent, omitEmpty: false)
        string("status", response.status, indent)
        integer("code", response.code, indent)
        string("duration", response.duration.description, indent)
        if !response.chunkArrivals.isEmpty {
            list("x_chunks", response.chunkArrivals.map(\.description), indent, omitEmpty: true)
        }
    }

    // MARK: Fields

    private mutating func integer(_ key: String, _ value: some BinaryInteger, _ indent: Int) {
        emitter.writeKey(Array(key.utf8), indent: indent)
        emitter.writePlain(String(value))
    }

    private mutating func string(_ key: String, _ value: String, _ indent: Int, omitEmpty: Bool = false) {
        guard !value.isEmpty || !omitEmpty || writesEmptyFields else { return }
        emitter.writeKey(Array(key.utf8), indent: indent)
        emitter.writeString(Array(value.utf8), indent: emitter.nestedIndent(indent), inSequence: false)
    }

    private mutating func body(_ value: Data, _ indent: Int, omitEmpty: Bool) {
        guard !value.isEmpty || !omitEmpty || writesEmptyFields else { return }
        emitter.writeKey(Array("body".utf8), indent: indent)
        let bytes = [UInt8](value)
        if UTF8Text.isValid(bytes) {
            emitter.writeString(bytes, indent: emitter.nestedIndent(indent), inSequence: false)
        } else {
            emitter.writeBinary(bytes, indent: emitter.nestedIndent(indent))
        }
    }

    private mutating func list(_ key: String, _ values: [String], _ indent: Int, omitEmpty: Bool) {
        guard !values.isEmpty || !omitEmpty || writesEmptyFields else { return }
        emitter.writeKey(Array(key.utf8), indent: indent)
        items(values, under: indent)
    }

    private mutating func multimap(_ key: String, _ map: [String: [String]], _ indent: Int, omitEmpty: Bool) {
        guard !map.isEmpty || !omitEmpty || writesEmptyFields else { return }
        emitter.writeKey(Array(key.utf8), indent: indent)
        guard !map.isEmpty else {
            emitter.writeEmptyCollection(isMapping: true)
            return
        }
        let nested = emitter.nestedIndent(indent)
        // goccy sorts map keys byte by byte; yaml.v3 and yaml/v4 by their natural order.
        let names =
            style == .goccy
            ? map.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } : MapKeyOrder.sortedKeys(map)
        for name in names {
            emitter.writeKey(Array(name.utf8), indent: nested)
            items(map[name] ?? [], under: nested)
        }
    }

    /// The `- value` lines of a list whose key is at `indent`, or `[]`.
    private mutating func items(_ values: [String], under indent: Int) {
        guard !values.isEmpty else {
            emitter.writeEmptyCollection(isMapping: false)
            return
        }
        let itemIndent = emitter.sequenceIndent(indent)
        for value in values {
            emitter.writeSequenceItem(indent: itemIndent)
            emitter.writeString(Array(value.utf8), indent: itemIndent + 2, inSequence: true)
        }
    }
}

import Foundation

/// Builds a ``Cassette`` straight from libyaml's events, in one pass and
/// without an intermediate document tree.
///
/// Each `decode…` method reads one value, starting with its first event.
struct CassetteDecoder: ~Copyable {
    /// The events being decoded.
    var events: YAMLEventReader
    /// What the text shows of its layout so far.
    var evidence = LayoutEvidence()
    /// The column of the mapping key read last, for ``LayoutEvidence``.
    var keyColumn = 0
    /// Where the fields are, when the caller asked for an outline.
    var outline: CassetteOutline?
    /// Whether a response's headers (and trailer) may not hold CR, LF or NUL and
    /// its written `code` must be 100–599: what replay can serve. go-vcr accepts
    /// both, so reading to rewrite does not ask for it.
    var requiresServableResponses = false
    /// Whether bodies are kept; when not, each is still checked (base64 included)
    /// and read as empty, so that a reader needing no bodies holds none.
    var keepsBodies = true

    private static let cassetteShape = "a cassette: a mapping with `version: 2` and `interactions`"

    /// Reads the cassette in `input`; `path` names the input in errors.
    static func decode(_ input: YAMLInput, path: String, requiresServableResponses: Bool = false)
        throws(CassetteError) -> Cassette
    {
        var decoder = try CassetteDecoder(input, path: path, outlines: false)
        decoder.requiresServableResponses = requiresServableResponses
        return try decoder.decodeStream()
    }

    /// Reads the cassette in `input` and where its fields are, with positions counted as editors count them.
    static func decodeOutlined(_ input: YAMLInput, path: String, requiresServableResponses: Bool, keepsBodies: Bool)
        throws(CassetteError) -> (cassette: Cassette, outline: CassetteOutline)
    {
        var decoder = try CassetteDecoder(input, path: path, outlines: true)
        decoder.requiresServableResponses = requiresServableResponses
        decoder.keepsBodies = keepsBodies
        let cassette = try decoder.decodeStream()
        return (cassette, decoder.outline ?? CassetteOutline())
    }

    /// A decoder of `input`, which refuses empty bytes at once; `outlines` makes it note positions.
    private init(_ input: YAMLInput, path: String, outlines: Bool) throws(CassetteError) {
        if case .bytes(let bytes) = input, bytes.isEmpty {
            throw CassetteError(.unexpectedNode, path: path, line: 1, column: 1, message: Self.emptyFile)
        }
        events = try YAMLEventReader(input: input, path: path, countsLikeEditors: outlines)
        outline = outlines ? CassetteOutline() : nil
    }

    /// Notes that the event read last starts the value of the last interaction's `field`, when outlining.
    mutating func noteValue(_ field: WritableKeyPath<CassetteOutline.InteractionPositions, CassetteOutline.Position?>) {
        guard outline != nil, let last = outline?.interactions.indices.last else { return }
        let position = lastPosition
        outline?.interactions[last][keyPath: field] = position
    }

    /// The 1-based position of the event read last.
    private var lastPosition: CassetteOutline.Position {
        CassetteOutline.Position(line: events.lastLine + 1, column: events.lastColumn + 1)
    }

    private static let emptyFile = "found an empty file; expected \(cassetteShape)"

    private mutating func decodeStream() throws(CassetteError) -> Cassette {
        _ = try events.next()  // STREAM-START
        let document = try events.next()
        guard document.kind == .documentStart else {
            let isEmpty = document.line == 0 && document.column == 0
            throw failure(
                .unexpectedNode, at: document,
                isEmpty ? Self.emptyFile : "found no YAML document; expected \(Self.cassetteShape)")
        }
        let root = try events.next()
        guard root.kind == .mappingStart else { throw mismatch(root, expected: Self.cassetteShape) }
        let interactions = try decodeRoot(startingAt: root)
        _ = try events.next()  // DOCUMENT-END, which libyaml's grammar puts here
        let end = try events.next()
        guard end.kind == .streamEnd else {
            throw failure(.unexpectedNode, at: end, "found a second YAML document; expected one cassette per file")
        }
        return Cassette(interactions: interactions, layout: evidence.layout)
    }

    private mutating func decodeRoot(startingAt root: YAMLEvent) throws(CassetteError) -> [Interaction] {
        var keys = MappingKeys<RootKey>()
        var interactions: [Interaction] = []
        var hasVersion = false
        while let key = try nextField(&keys) {
            switch key {
            case .version:
                try decodeVersion()
                hasVersion = true
            case .interactions:
                interactions = try decodeInteractions()
            }
        }
        guard hasVersion else { throw unsupportedVersion("0 (no `version` key)", at: root) }
        return interactions
    }

    private mutating func decodeVersion() throws(CassetteError) {
        let event = try events.next()
        guard event.kind == .scalar else { throw mismatch(event, expected: "the integer 2 for `version`") }
        guard !event.isNull else { throw unsupportedVersion("0", at: event) }
        guard ScalarText.integer(event.text) == Int64(Cassette.formatVersion) else {
            throw unsupportedVersion(String(decoding: event.text, as: UTF8.self), at: event)
        }
    }

    private func unsupportedVersion(_ version: String, at event: YAMLEvent) -> CassetteError {
        failure(
            .unsupportedVersion, at: event,
            "unsupported cassette version format: \(version); expected `version: \(Cassette.formatVersion)`. "
                + "Re-record the cassette with go-vcr v3 or later (or delete it so that it is recorded again)")
    }

    private mutating func decodeInteractions() throws(CassetteError) -> [Interaction] {
        let event = try events.next()
        if event.isNull { return [] }
        guard event.kind == .sequenceStart else {
            throw mismatch(event, expected: "a sequence of interactions for `interactions`")
        }
        evidence.noteSequence(event, keyColumn: keyColumn)
        var interactions: [Interaction] = []
        while true {
            let item = try events.next()
            if item.kind == .sequenceEnd { return interactions }
            guard item.kind == .mappingStart else {
                throw mismatch(item, expected: "a mapping with `id`, `request` and `response` for an interaction")
            }
            if outline != nil {
                let start = lastPosition
                outline?.interactions.append(CassetteOutline.InteractionPositions(start: start))
            }
            interactions.append(try decodeInteraction())
        }
    }

    private mutating func decodeInteraction() throws(CassetteError) -> Interaction {
        var interaction = Interaction(id: 0, request: Self.emptyRequest, response: Self.emptyResponse)
        var keys = MappingKeys<InteractionKey>()
        while let key = try nextField(&keys) {
            switch key {
            case .id:
                interaction.id = try decodeInt(for: "`id`")
                noteValue(\.id)
            case .request: interaction.request = try decodeRequest()
            case .response: interaction.response = try decodeResponse()
            }
        }
        return interaction
    }

    /// Reads the event that starts the `name` mapping of an interaction and notes its
    /// position as `field`'s; false when the value is null, which reads as an empty mapping.
    mutating func startMapping(
        _ name: String, at field: WritableKeyPath<CassetteOutline.InteractionPositions, CassetteOutline.Position?>
    ) throws(CassetteError) -> Bool {
        let event = try events.next()
        noteValue(field)
        if event.isNull { return false }
        guard event.kind == .mappingStart else { throw mismatch(event, expected: "a mapping for `\(name)`") }
        return true
    }

    /// The next known key of a schema mapping, with unknown keys and their values
    /// skipped; nil at the mapping's end.
    mutating func nextField<Key>(_ keys: inout MappingKeys<Key>) throws(CassetteError) -> Key? {
        while let entry = try nextEntry(&keys) {
            guard case .field(let key) = entry else {
                try skipValue()
                continue
            }
            return key
        }
        return nil
    }

    /// `value`, noted as a field go-vcr omits when it is empty.
    mutating func omittable<Value: Collection>(_ value: Value) -> Value {
        evidence.noteOmittableField(isEmpty: value.isEmpty)
        return value
    }

    /// The next key of a schema mapping; nil at the mapping's end.
    private mutating func nextEntry<Key>(_ keys: inout MappingKeys<Key>) throws(CassetteError) -> MappingKeys<Key>
        .Entry?
    {
        let event = try events.next()
        if event.kind == .mappingEnd { return nil }
        guard event.kind == .scalar else { throw mismatch(event, expected: "a key") }
        keyColumn = event.column
        guard let entry = keys.entry(for: event.text) else { throw duplicateKey(event) }
        return entry
    }
}

/// The keys of a cassette's top-level mapping.
enum RootKey: String, SchemaKey {
    case version
    case interactions

    static let table = KeyTable<Self>()
}

/// The keys of an interaction's mapping.
enum InteractionKey: String, SchemaKey {
    case id
    case request
    case response

    static let table = KeyTable<Self>()
}

import CYAML
import Foundation

/// Pulls libyaml parse events one at a time from YAML bytes in memory or from a file.
///
/// The reader refuses what cassettes never contain, so that no input can make
/// reading expensive: anchors and aliases (no billion-laughs expansion) and
/// nesting deeper than ``maximumDepth``. It owns libyaml's parser and the
/// current event and frees both when it goes away.
struct YAMLEventReader: ~Copyable {
    /// The deepest nesting of collections accepted; a cassette needs 6.
    static let maximumDepth = 64

    /// The name of the input, for errors.
    let path: String
    private let context: UnsafeMutablePointer<Int32>
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let event: UnsafeMutablePointer<yaml_event_t>
    private var holdsEvent = false
    private var depth = 0
    /// Whether positions are counted as editors count them rather than taken from libyaml's marks.
    private let countsLikeEditors: Bool
    /// The 0-based line of the event returned last.
    private(set) var lastLine = 0
    /// The 0-based column of the event returned last.
    private(set) var lastColumn = 0
    /// Where the input was last looked at: for editors' positions, ``sourceBytes(of:length:)`` and reader errors.
    private var source: SourceCounter

    /// Prepares to parse `input`, which must stay valid while the reader lives.
    ///
    /// - Parameter countsLikeEditors: whether lines and columns break only at
    ///   `\n`, `\r\n` and `\r`, as editors count them (not also at U+0085,
    ///   U+2028 and U+2029, as libyaml does), at the cost of reading the input twice.
    init(input: YAMLInput, path: String, countsLikeEditors: Bool = false) throws(CassetteError) {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        guard yaml_parser_initialize(parser) == 1 else {
            yaml_parser_delete(parser)
            parser.deallocate()
            throw CassetteError(.io, path: path, message: "libyaml could not allocate a parser")
        }
        let context = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        input.attach(to: parser, context: context)
        self.context = context
        self.parser = parser
        self.event = .allocate(capacity: 1)
        self.path = path
        self.countsLikeEditors = countsLikeEditors
        self.source = SourceCounter(input: input)
    }

    deinit {
        if holdsEvent { yaml_event_delete(event) }
        yaml_parser_delete(parser)
        parser.deallocate()
        event.deallocate()
        context.deallocate()
    }

    /// Parses the next event, releasing the previous one (and the text it pointed to).
    mutating func next() throws(CassetteError) -> YAMLEvent {
        if holdsEvent {
            yaml_event_delete(event)
            holdsEvent = false
        }
        guard yaml_parser_parse(parser, event) == 1 else { throw parserError() }
        holdsEvent = true
        (lastLine, lastColumn) = position(of: event.pointee.start_mark)
        var result = YAMLEvent(kind: .streamEnd, line: lastLine, column: lastColumn)
        result.index = event.pointee.start_mark.index
        switch event.pointee.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.pointee.data.scalar
            try Self.refuseAnchor(scalar.anchor, at: result, in: path)
            result.kind = .scalar
            result.text = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
            result.isPlain = scalar.plain_implicit != 0
            result.isBinary = Self.isBinary(scalar.tag)
            result.style = Self.style(scalar.style)
            result.lineSpan = Int(event.pointee.end_mark.line) - Int(event.pointee.start_mark.line)
        case YAML_SEQUENCE_START_EVENT:
            let sequence = event.pointee.data.sequence_start
            try enterCollection(
                .sequenceStart, anchor: sequence.anchor, isFlow: sequence.style == YAML_FLOW_SEQUENCE_STYLE, &result)
        case YAML_MAPPING_START_EVENT:
            let mapping = event.pointee.data.mapping_start
            try enterCollection(
                .mappingStart, anchor: mapping.anchor, isFlow: mapping.style == YAML_FLOW_MAPPING_STYLE, &result)
        case YAML_SEQUENCE_END_EVENT:
            depth -= 1
            result.kind = .sequenceEnd
        case YAML_MAPPING_END_EVENT:
            depth -= 1
            result.kind = .mappingEnd
        case YAML_ALIAS_EVENT:
            throw Self.refusal(of: "alias `*\(Self.name(event.pointee.data.alias.anchor))`", at: result, in: path)
        case YAML_STREAM_START_EVENT:
            result.kind = .streamStart
        case YAML_DOCUMENT_START_EVENT:
            result.kind = .documentStart
        case YAML_DOCUMENT_END_EVENT:
            result.kind = .documentEnd
        default:
            result.kind = .streamEnd
        }
        return result
    }

    /// The 0-based line and column of `mark`.
    private mutating func position(of mark: yaml_mark_t) -> (line: Int, column: Int) {
        countsLikeEditors ? source.position(ofCharacterAt: mark.index) : (mark.line, mark.column)
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLEvent.ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    /// Up to `length` bytes of the input where `event` starts (look events up in
    /// file order, so that the input is read once); nil past the input's end.
    mutating func sourceBytes(of event: YAMLEvent, length: Int) -> [UInt8]? {
        source.bytes(atCharacter: event.index, length: length)
    }

    /// Whether `tag` is `!!binary`, as libyaml resolves it.
    private static func isBinary(_ tag: UnsafeMutablePointer<yaml_char_t>?) -> Bool {
        guard let tag else { return false }
        return strcmp(UnsafeRawPointer(tag).assumingMemoryBound(to: CChar.self), "tag:yaml.org,2002:binary") == 0
    }

    /// Makes `event` the start of a collection of `kind`, one level deeper.
    private mutating func enterCollection(
        _ kind: YAMLEvent.Kind, anchor: UnsafeMutablePointer<yaml_char_t>?, isFlow: Bool, _ event: inout YAMLEvent
    ) throws(CassetteError) {
        try Self.refuseAnchor(anchor, at: event, in: path)
        event.kind = kind
        event.isFlow = isFlow
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw CassetteError(
                .tooDeep, path: path, line: event.line + 1, column: event.column + 1,
                message: "found collections nested more than \(Self.maximumDepth) levels deep; "
                    + "expected a cassette, which nests 6 levels at most")
        }
    }

    // Static, taking the path alone: as methods, they had the whole reader
    // copied for each scalar (a 184-byte `memcpy`), before the anchor was
    // known to be there.
    private static func refuseAnchor(
        _ anchor: UnsafeMutablePointer<yaml_char_t>?, at event: YAMLEvent, in path: String
    ) throws(CassetteError) {
        guard let anchor else { return }
        throw refusal(of: "anchor `&\(name(anchor))`", at: event, in: path)
    }

    private static func refusal(of what: String, at event: YAMLEvent, in path: String) -> CassetteError {
        CassetteError(
            .alias, path: path, line: event.line + 1, column: event.column + 1,
            message: "found the \(what); expected plain values, cassettes never use anchors or aliases")
    }

    private static func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String {
        anchor.map { String(cString: $0) } ?? ""
    }

    /// The error libyaml reported, placed at its problem mark (or, for a reader
    /// error, at the line and column of the offending byte).
    private mutating func parserError() -> CassetteError {
        let readFailure = errno
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "unknown problem"
        switch state.error {
        case YAML_READER_ERROR where state.problem_value < 0 && problem == "input error":
            return CassetteError(
                .io, path: path,
                message:
                    "cannot read the file (\(String(cString: strerror(readFailure)))); expected a readable cassette file"
            )
        case YAML_READER_ERROR:
            let (line, column) = source.position(ofByteAt: state.problem_offset)
            let value =
                state.problem_value >= 0 ? " (0x\(String(state.problem_value, radix: 16, uppercase: true)))" : ""
            return CassetteError(
                .syntax, path: path, line: line + 1, column: column + 1,
                message: "found invalid text: \(problem)\(value); expected UTF-8 text, "
                    + "with binary bodies written as `!!binary` base64")
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            var message = "malformed YAML: \(problem)"
            if let context = state.context {
                let mark = state.context_mark
                message += " \(String(cString: context)) (at line \(mark.line + 1), column \(mark.column + 1))"
            }
            let (line, column) = position(of: state.problem_mark)
            return CassetteError(.syntax, path: path, line: line + 1, column: column + 1, message: message)
        default:
            return CassetteError(.io, path: path, message: "libyaml failed: \(problem)")
        }
    }
}

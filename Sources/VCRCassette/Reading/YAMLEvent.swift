/// One libyaml parse event, as the cassette decoder needs it.
///
/// A scalar's ``text`` points into libyaml's buffer: it is valid only until
/// the reader produces the next event.
struct YAMLEvent {
    /// The kinds of event a cassette can produce (aliases are refused by the reader).
    enum Kind {
        case streamStart
        case streamEnd
        case documentStart
        case documentEnd
        case scalar
        case sequenceStart
        case sequenceEnd
        case mappingStart
        case mappingEnd
    }

    /// How a scalar is written in the file.
    enum ScalarStyle {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// What the event is.
    var kind: Kind
    /// The 0-based line where the event starts, as libyaml marks it.
    var line: Int
    /// The 0-based column (in characters) where the event starts.
    var column: Int
    /// The 0-based index (in characters, CR LF counting two) where the event starts.
    var index = 0
    /// How many lines later than it starts a scalar ends (libyaml's lines,
    /// which U+0085, U+2028 and U+2029 end too).
    var lineSpan = 0
    /// Whether a scalar ends on a later line than it starts.
    var spansLines: Bool { lineSpan > 0 }
    /// A scalar's style; plain for other events.
    var style = ScalarStyle.plain
    /// A scalar's value, unescaped by libyaml; empty for other events.
    var text = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    /// Whether a scalar is plain and untagged, the only kind that can mean null, a number or a boolean.
    var isPlain = false
    /// Whether a scalar is tagged `!!binary` (base64 text).
    var isBinary = false
    /// Whether a collection is written in flow style (`[…]`, `{…}`).
    var isFlow = false

    /// Whether the event is a scalar that YAML reads as null: plain `~`, `null`, or nothing.
    var isNull: Bool {
        guard kind == .scalar, isPlain else { return false }
        return ScalarText.isNull(text)
    }
}

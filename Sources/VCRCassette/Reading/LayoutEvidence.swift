/// What a file's text shows of its ``CassetteLayout``, gathered while it is read.
///
/// - Indentation: the first block sequence decides (indented when its items start
///   right of their key).
/// - goccy or a libyaml-based writer (yaml.v3, yaml/v4): each scalar value's style is
///   compared with the style each would have chosen for it. A single-quoted
///   scalar rules goccy out; a double-quoted one that yaml.v3 would have written
///   plain or single-quoted (`"{\"ok\":true}"`, `"*"`) rules the others out.
///   So does the order of header names (goccy sorts bytes, the others numbers),
///   an empty line inside a literal block (goccy leaves the indentation's spaces on it),
///   and the escapes of a string both double-quote: goccy spells them as Go's
///   `strconv.Quote` (`\u00a0`, `\x1b`, lower-case hex), the others as libyaml
///   (U+00A0 raw, `\e`, upper-case hex), which only the file's bytes show.
/// - yaml/v4 rc.6 or rc.3: a plain or quoted scalar folded over lines, or a
///   YAML 1.1 look-alike in single quotes (`'yes'`), shows rc.6; a look-alike in
///   double quotes shows rc.3.
///
/// With no evidence either way the file reads the same under each writer, and the
/// layout is the default's: compact.
struct LayoutEvidence {
    private var indentation: CassetteLayout.Indentation?
    private var writesEmptyFields = false
    private var libyamlPossible = true
    private var goccyPossible = true
    /// Seen what only rc.6 writes: a folded scalar, a single-quoted look-alike, a literal
    /// block starting with a line break and no indentation digit.
    private var sawRC6 = false
    /// Seen what rc.6 never writes: a double-quoted look-alike, a literal block starting
    /// with a line break and an indentation digit.
    private var sawRC3 = false

    /// Notes a sequence that is the value of a key in column `keyColumn`.
    mutating func noteSequence(_ sequence: YAMLEvent, keyColumn: Int) {
        guard indentation == nil, !sequence.isFlow else { return }
        indentation = sequence.column > keyColumn ? .indented : .compact
    }

    /// Notes a field that newer go-vcr omits when empty; written empty, it marks the older style.
    mutating func noteOmittableField(isEmpty: Bool) {
        writesEmptyFields = writesEmptyFields || isEmpty
    }

    /// Notes a string value (a field, a body, a list item) and the style it is written in.
    /// Once the writer is decided, only folded scalars and short quoted ones are looked at.
    mutating func noteScalar(_ scalar: YAMLEvent) {
        guard !scalar.isBinary else { return }
        let isQuoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
        if (isQuoted || scalar.style == .plain) && scalar.spansLines && !sawRC6 {
            // The writers escape every line break in double quotes; in single quotes
            // a value's own line breaks (U+2028 or U+2029 among them) span lines
            // too, so only more lines than those show a fold.
            let text = Array(scalar.text)
            if scalar.style == .doubleQuoted || scalar.lineSpan > Self.singleQuotedLines(of: text) {
                sawRC6 = true  // only rc.6 folds; its line breaks read back as spaces
                goccyPossible = false
                return
            }
        }
        let isLookAlike = noteLookAlike(scalar)
        // goccy writes only the compact layout.
        guard libyamlPossible && goccyPossible && indentation != .indented else { return }
        noteWriterEvidence(Array(scalar.text), style: scalar.style, isLookAlike: isLookAlike)
    }

    /// The most lines a writer that does not fold spans when it single-quotes
    /// `text`: one per line break, and one more for an LF that follows no other
    /// break, which libyaml writes as an empty line.
    private static func singleQuotedLines(of text: [UInt8]) -> Int {
        var lines = 0
        var index = 0
        var followsBreak = false
        while index < text.count {
            guard UTF8Text.isBreak(text, at: index) else {
                followsBreak = false
                index += 1
                continue
            }
            lines += text[index] == UInt8(ascii: "\n") && !followsBreak ? 2 : 1
            followsBreak = true
            index += UTF8Text.width(of: text[index])
        }
        return lines
    }

    /// Notes a mapping key (a header, trailer or form name); only its quotes tell anything.
    mutating func noteKey(_ key: YAMLEvent) {
        _ = noteLookAlike(key)
    }

    /// Where to look, for a literal block that is a mapping value, to see whether its
    /// first empty line keeps the indentation's spaces (goccy) or is empty (the others):
    /// that line's number in the block and how many bytes of the input from the block's
    /// `|` hold it. Nil when the block cannot tell (no empty line between two others).
    func blankLineProbe(for scalar: YAMLEvent) -> (line: Int, length: Int)? {
        guard libyamlPossible && goccyPossible, indentation != .indented, scalar.style == .literal else { return nil }
        var line = 0
        var lineLength = 0
        var before = 0
        var found: Int?
        for byte in scalar.text {
            if let empty = found {
                if byte != UInt8(ascii: "\n") { return (empty, before + (empty + 2) * Self.widestIndentation) }
            } else if byte == UInt8(ascii: "\n") {
                if lineLength == 0 { found = line } else { before += lineLength + 1 }
                line += 1
                lineLength = 0
            } else {
                lineLength += 1
            }
        }
        return nil
    }

    /// The two spellings of a double-quoted value, when goccy (Go's `strconv.Quote`)
    /// and the libyaml writers escape it differently (`\u00a0` or U+00A0 raw, `\x1b` or
    /// `\e`): the input at the value's opening quote then shows which wrote it
    /// (``noteEscapes(_:goccy:libyaml:)``). Nil while the writer is decided or when the spellings agree.
    func escapeProbe(for scalar: YAMLEvent) -> (goccy: [UInt8], libyaml: [UInt8])? {
        guard libyamlPossible && goccyPossible, indentation != .indented, scalar.style == .doubleQuoted,
            !scalar.isBinary, !scalar.spansLines, scalar.text.contains(where: { $0 < 0x20 || $0 >= 0x7F })
        else { return nil }
        let text = Array(scalar.text)
        let goccy = GoQuotedString.quote(text)
        let libyaml = YAMLEmitter.doubleQuoted(text)
        return goccy == libyaml ? nil : (goccy, libyaml)
    }

    /// Notes the input from a double-quoted value's opening quote (see ``escapeProbe(for:)``):
    /// spelled as goccy spells it rules the others out, spelled as they do rules goccy out.
    mutating func noteEscapes(_ source: [UInt8], goccy: [UInt8], libyaml: [UInt8]) {
        let isGoccy = source.starts(with: goccy)
        let isLibyaml = source.starts(with: libyaml)
        if isGoccy && !isLibyaml { libyamlPossible = false }
        if isLibyaml && !isGoccy { goccyPossible = false }
    }

    /// More than any indentation (and header line) a cassette's block lines start with.
    private static let widestIndentation = 32

    /// Notes the input from a literal block's `|` (see ``blankLineProbe(for:)``): line
    /// `line` of the block empty shows a libyaml writer, made of spaces shows goccy.
    mutating func noteBlankLine(_ source: [UInt8], line: Int) {
        let lines = source.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard lines.count > line + 2 else { return }
        let blank = lines[line + 1]
        if blank.isEmpty {
            goccyPossible = false
        } else if blank.allSatisfy({ $0 == UInt8(ascii: " ") }) {
            libyamlPossible = false
        }
    }

    /// Notes two consecutive names of a mapping: goccy sorts them byte by byte, the
    /// others compare digit runs as numbers (`X-2` before `X-10`).
    mutating func noteKeyOrder(_ first: String, _ second: String) {
        guard libyamlPossible && goccyPossible else { return }
        let byBytes = first.utf8.lexicographicallyPrecedes(second.utf8)
        let natural = MapKeyOrder.precedes(Array(first.unicodeScalars), Array(second.unicodeScalars))
        if byBytes && !natural { libyamlPossible = false }
        if natural && !byBytes { goccyPossible = false }
    }

    /// Notes a quoted YAML 1.1 look-alike: rc.6 single-quotes it, the others double-quote it.
    private mutating func noteLookAlike(_ scalar: YAMLEvent) -> Bool {
        guard scalar.style == .singleQuoted || scalar.style == .doubleQuoted,
            scalar.text.count <= Self.longestLookAlike
        else { return false }
        let text = Array(scalar.text)
        guard PlainScalarResolver.isYAML11LookAlike(text) || text == Self.mergeKey else { return false }
        if scalar.style == .singleQuoted { sawRC6 = true } else { sawRC3 = true }
        return true
    }

    /// Look-alikes (`yes`, `1:20:30.5`, `<<`) are short; longer texts are not checked for them.
    private static let longestLookAlike = 32

    private mutating func noteWriterEvidence(_ text: [UInt8], style: YAMLEvent.ScalarStyle, isLookAlike: Bool) {
        let goccy = GoccyScalarStyle.of(text)
        let libyaml = YAMLEmitter.Style.chosen(for: text, by: .compact)
        switch style {
        case .plain:
            if goccy != .plain { goccyPossible = false }
            if libyaml != .plain { libyamlPossible = false }
        case .singleQuoted:
            goccyPossible = false
        case .doubleQuoted:
            if goccy != .doubleQuoted { goccyPossible = false }
            if !isLookAlike && libyaml != .doubleQuoted { libyamlPossible = false }
        case .literal:
            if goccy != .literal { goccyPossible = false }
            if libyaml == .plain || libyaml == .singleQuoted { libyamlPossible = false }
        case .folded:
            break  // neither writes folded blocks: a hand edit
        }
    }

    /// Whether the header of a literal block (its first bytes are `header`) decides between
    /// rc.3 and rc.6: when the text starts with LF and its first other character is no blank.
    func needsLiteralHeader(for scalar: YAMLEvent) -> Bool {
        guard !(sawRC6 && sawRC3), scalar.style == .literal, scalar.text.first == UInt8(ascii: "\n"),
            let first = scalar.text.firstIndex(where: { $0 != UInt8(ascii: "\n") })
        else { return false }
        let text = Array(scalar.text[first..<min(scalar.text.count, first + 3)])
        return text[0] != UInt8(ascii: " ") && text[0] != UInt8(ascii: "\t") && !UTF8Text.isBreak(text, at: 0)
    }

    /// Notes the header of such a literal block: rc.3 and yaml.v3 write `|2`, rc.6 `|`.
    mutating func noteLiteralHeader(_ header: [UInt8]) {
        guard header.first == UInt8(ascii: "|"), header.count > 1 else { return }
        if ByteScanner.isDigit(header[1]) || header.count > 2 && ByteScanner.isDigit(header[2]) {
            sawRC3 = true
        } else {
            sawRC6 = true
        }
    }

    private static let mergeKey = Array("<<".utf8)

    /// The layout the evidence points to.
    var layout: CassetteLayout {
        let indentation = indentation ?? .compact
        let style: CassetteLayout.Style
        if indentation == .indented {
            style = .indented
        } else if goccyPossible && !libyamlPossible {
            style = .goccy
        } else if sawRC6 && !sawRC3 {
            style = .folded
        } else {
            style = .compact
        }
        return CassetteLayout(style: style, writesEmptyFields: writesEmptyFields)
    }
}

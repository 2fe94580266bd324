/// Writes block YAML byte for byte as go-vcr's encoders do.
///
/// yaml.v3 and go.yaml.in/yaml/v4 are Go ports of libyaml's emitter. This type
/// ports the parts a cassette uses: the indentation rules of both layouts, the
/// scalar style choice, the four scalar writers and (for yaml/v4 rc.6) the
/// folding of long scalars after column 80. goccy/go-yaml's scalar rules are in
/// `YAMLEmitter+Goccy.swift`. It departs from the Go encoders only where they
/// write text that reads back differently (see ``Style``).
struct YAMLEmitter {
    /// The bytes written so far.
    private(set) var output: [UInt8] = []

    /// The writer whose rules are followed.
    let style: CassetteLayout.Style
    private let bestIndent: Int
    private let indentsSequences: Bool
    /// The column after which a plain or quoted scalar is folded at a space (yaml/v4 rc.6: 80).
    private let lineWidth: Int
    /// The column (in characters) the next character goes to.
    var column = 0
    /// Whether the last character written was white space (libyaml's `whitespace`).
    var whitespace = true
    /// Whether only indentation was written on this line so far (libyaml's `indention`).
    var indention = true

    init(style: CassetteLayout.Style, capacity: Int) {
        self.style = style
        bestIndent = style == .indented ? 4 : 2
        indentsSequences = style == .indented
        lineWidth = style == .folded ? 80 : .max
        output.reserveCapacity(capacity)
    }

    // MARK: Structure

    /// The indentation of a mapping or scalar nested under a key at `indent`.
    func nestedIndent(_ indent: Int) -> Int {
        bestIndent * ((indent + bestIndent) / bestIndent)
    }

    /// The indentation of the `- ` items of a sequence under a key at `indent`.
    func sequenceIndent(_ indent: Int) -> Int {
        indentsSequences ? nestedIndent(indent) : indent
    }

    /// Starts the document with go-vcr's `---` line.
    mutating func writeDocumentStart() {
        output.append(contentsOf: Array("---\n".utf8))
        column = 0
    }

    /// Writes a mapping key at `indent`, through its `:`.
    mutating func writeKey(_ key: [UInt8], indent: Int) {
        writeIndent(indent)
        if style == .goccy {
            writeGoccyKey(key, indent: indent)
            return
        }
        let analysis = ScalarAnalysis(key)
        if !analysis.isMultiline && key.count <= 128 {
            writeScalar(key, analysis: analysis, indent: nestedIndent(indent), isSimpleKey: true)
            writeIndicator(":", needsWhitespace: false, isWhitespace: false, isIndention: false)
        } else {
            writeIndicator("?", needsWhitespace: true, isWhitespace: false, isIndention: true)
            writeScalar(key, analysis: analysis, indent: nestedIndent(indent), isSimpleKey: false)
            writeIndent(indent)
            writeIndicator(":", needsWhitespace: true, isWhitespace: false, isIndention: true)
        }
    }

    /// Writes the `-` of a sequence item at `indent`.
    mutating func writeSequenceItem(indent: Int) {
        writeIndent(indent)
        writeIndicator("-", needsWhitespace: true, isWhitespace: false, isIndention: true)
    }

    /// Writes `{}` or `[]` after a key.
    mutating func writeEmptyCollection(isMapping: Bool) {
        writeIndicator(isMapping ? "{" : "[", needsWhitespace: true, isWhitespace: true, isIndention: false)
        writeIndicator(isMapping ? "}" : "]", needsWhitespace: false, isWhitespace: false, isIndention: false)
    }

    /// Writes an integer or boolean, which is always plain.
    mutating func writePlain(_ text: String) {
        writePlainScalar(Array(text.utf8))
    }

    /// Writes a string value; `indent` is where its continuation lines go.
    mutating func writeString(_ text: [UInt8], indent: Int, inSequence: Bool) {
        if style == .goccy {
            writeGoccyString(text, indent: indent, inSequence: inSequence)
            return
        }
        var requested = Style.requested(for: text, by: style)
        if requested == .literal, inSequence, indentsSequences, needsIndentationIndicator(text) {
            // yaml.v3 writes `- |4` with the text two columns in, which reads back
            // differently; double quotes keep the value.
            requested = .doubleQuoted
        }
        writeScalar(text, analysis: ScalarAnalysis(text), indent: indent, isSimpleKey: false, requested: requested)
    }

    /// Writes bytes that are not valid UTF-8 as `!!binary` base64, as yaml.v3 does.
    mutating func writeBinary(_ bytes: some Collection<UInt8>, indent: Int) {
        let encoded = Base64Lines.encode(bytes)
        writeIndicator("!!binary", needsWhitespace: true, isWhitespace: false, isIndention: false)
        writeScalar(
            encoded, analysis: ScalarAnalysis(encoded), indent: indent, isSimpleKey: false,
            requested: encoded.last == UInt8(ascii: "\n") ? .literal : .plain)
    }

    /// Ends the document with its final line break.
    mutating func writeDocumentEnd() {
        if column != 0 { putBreak() }
    }

    // MARK: Styles

    /// The scalar styles of libyaml.
    enum Style {
        case plain, singleQuoted, doubleQuoted, literal

        /// The style the encoder of `writer` asks the emitter for. yaml.v3 and rc.3
        /// double-quote YAML 1.1 look-alikes (`yes`, `1:20`; rc.3 also `<<`), rc.6
        /// single-quotes them.
        static func requested(for text: [UInt8], by writer: CassetteLayout.Style) -> Style {
            if text.contains(UInt8(ascii: "\n")) {
                return isLiteralCandidate(text) ? .literal : .doubleQuoted
            }
            let lookAlike = PlainScalarResolver.isYAML11LookAlike(text) || writer != .indented && text == mergeKey
            if PlainScalarResolver.resolvesAsNonString(text, readsSignedBinaryDigits: writer == .indented) {
                return .doubleQuoted
            }
            if lookAlike { return writer == .folded ? .singleQuoted : .doubleQuoted }
            return .plain
        }

        private static let mergeKey = Array("<<".utf8)

        /// The style `writer` writes a mapping value in.
        static func chosen(for text: [UInt8], by writer: CassetteLayout.Style) -> Style {
            select(requested(for: text, by: writer), for: text, analysis: ScalarAnalysis(text), isSimpleKey: false)
        }

        /// The emitter's checks on the requested style (`yaml_emitter_select_scalar_style`).
        static func select(_ requested: Style, for text: [UInt8], analysis: ScalarAnalysis, isSimpleKey: Bool) -> Style
        {
            var chosen = requested
            if chosen == .plain {
                if !analysis.allowsPlain { chosen = .singleQuoted }
                if text.isEmpty && isSimpleKey { chosen = .singleQuoted }
            }
            if chosen == .singleQuoted && !analysis.allowsSingleQuoted { chosen = .doubleQuoted }
            if chosen == .literal && (!analysis.allowsBlock || isSimpleKey) { chosen = .doubleQuoted }
            return chosen
        }

        /// At least two characters, not all of them white space.
        private static func isLiteralCandidate(_ text: [UInt8]) -> Bool {
            var characters = 0
            var sawText = false
            var iterator = text.makeIterator()
            var decoder = UTF8()
            while characters < 2 || !sawText {
                guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
                characters += 1
                sawText = sawText || !scalar.properties.isWhitespace
            }
            return true
        }
    }

    /// Whether the block's indentation digit is written. yaml.v3 and rc.3 write it
    /// when the text starts with a space or a line break, rc.6 only for a space.
    /// It is also written where the block would read back differently without it:
    /// a text starting with a tab (libyaml refuses the tab where it looks for
    /// indentation), and for rc.6 one whose first line that is not empty starts with
    /// a blank, or that starts with a line break other than LF.
    private func needsIndentationIndicator(_ text: [UInt8]) -> Bool {
        guard style == .folded else {
            return text.first == UInt8(ascii: " ") || text.first == UInt8(ascii: "\t") || UTF8Text.isBreak(text, at: 0)
        }
        guard let first = text.firstIndex(where: { $0 != UInt8(ascii: "\n") }) else { return false }
        return text[first] == UInt8(ascii: " ") || text[first] == UInt8(ascii: "\t")
            || UTF8Text.isBreak(text, at: first)
    }

    /// Writes a scalar in the style the emitter settles on for the requested one.
    private mutating func writeScalar(
        _ text: [UInt8], analysis: ScalarAnalysis, indent: Int, isSimpleKey: Bool, requested: Style? = nil
    ) {
        let chosen = Style.select(
            requested ?? Style.requested(for: text, by: style), for: text, analysis: analysis, isSimpleKey: isSimpleKey)
        let folds = !isSimpleKey && lineWidth != .max
        switch chosen {
        case .plain: folds ? writeFoldedPlain(text, indent: indent) : writePlainScalar(text)
        case .singleQuoted: writeSingleQuoted(text, indent: indent, folds: folds)
        case .doubleQuoted: folds ? writeFoldedDoubleQuoted(text, indent: indent) : writeDoubleQuoted(text)
        case .literal: writeLiteral(text, indent: indent)
        }
    }

    // MARK: Scalar writers

    mutating func writePlainScalar(_ text: [UInt8]) {
        if !text.isEmpty && !whitespace { put(UInt8(ascii: " ")) }
        writeCharacters(text)
        whitespace = false
        indention = false
    }

    private mutating func writeSingleQuoted(_ text: [UInt8], indent: Int, folds: Bool) {
        writeIndicator("'", needsWhitespace: true, isWhitespace: false, isIndention: false)
        var breaks = false
        var spaces = false
        var index = 0
        while index < text.count {
            if text[index] == UInt8(ascii: " ") {
                let folding =
                    folds && !spaces && column > lineWidth && index > 0 && index < text.count - 1
                    && text[index + 1] != UInt8(ascii: " ")
                writeSpace(text, &index, indent: indent, folding: folding)
                spaces = true
            } else if UTF8Text.isBreak(text, at: index) {
                if !breaks && text[index] == UInt8(ascii: "\n") { putBreak() }
                writeBreak(text, &index)
                breaks = true
            } else {
                if breaks { writeIndent(indent) }
                if text[index] == UInt8(ascii: "'") { put(UInt8(ascii: "'")) }
                writeCharacter(text, &index)
                indention = false
                breaks = false
                spaces = false
            }
        }
        writeIndicator("'", needsWhitespace: false, isWhitespace: false, isIndention: false)
    }

    /// `text` double-quoted on one line as the libyaml writers spell it, its quotes included.
    static func doubleQuoted(_ text: [UInt8]) -> [UInt8] {
        var emitter = YAMLEmitter(style: .compact, capacity: text.count + 2)
        emitter.writeDoubleQuoted(text)
        return emitter.output
    }

    private mutating func writeDoubleQuoted(_ text: [UInt8]) {
        writeIndicator("\"", needsWhitespace: true, isWhitespace: false, isIndention: false)
        // yaml.v3's is_bom looks at the text's first bytes, not the current ones.
        let startsWithBOM = text.starts(with: [0xEF, 0xBB, 0xBF])
        var index = 0
        while index < text.count {
            if startsWithBOM || Self.isEscaped(text, at: index) {
                writeEscapedCharacter(text, &index)
            } else {
                writeRun(text, &index, until: Self.isEscaped)
            }
        }
        writeIndicator("\"", needsWhitespace: false, isWhitespace: false, isIndention: false)
    }

    /// rc.6's plain writer: a single space after column 80 between two other characters becomes a line break.
    private mutating func writeFoldedPlain(_ text: [UInt8], indent: Int) {
        if !text.isEmpty && !whitespace { put(UInt8(ascii: " ")) }
        var spaces = false
        var index = 0
        while index < text.count {
            if text[index] == UInt8(ascii: " ") {
                let folding =
                    !spaces && column > lineWidth && index + 1 < text.count && text[index + 1] != UInt8(ascii: " ")
                writeSpace(text, &index, indent: indent, folding: folding)
                spaces = true
            } else {
                writeCharacter(text, &index)
                indention = false
                spaces = false
            }
        }
        whitespace = false
        indention = false
    }

    /// rc.6's double-quoted writer: a space after column 80 inside the text becomes a
    /// line break, and a space right after it is escaped so that it is kept.
    private mutating func writeFoldedDoubleQuoted(_ text: [UInt8], indent: Int) {
        writeIndicator("\"", needsWhitespace: true, isWhitespace: false, isIndention: false)
        let startsWithBOM = text.starts(with: [0xEF, 0xBB, 0xBF])
        var spaces = false
        var index = 0
        while index < text.count {
            if startsWithBOM || Self.isEscaped(text, at: index) {
                writeEscapedCharacter(text, &index)
                spaces = false
            } else if text[index] == UInt8(ascii: " ") {
                let folding = !spaces && column > lineWidth && index > 0 && index < text.count - 1
                writeSpace(text, &index, indent: indent, folding: folding)
                if folding && text[index] == UInt8(ascii: " ") { put(UInt8(ascii: "\\")) }
                spaces = true
            } else {
                writeCharacter(text, &index)
                spaces = false
            }
        }
        writeIndicator("\"", needsWhitespace: false, isWhitespace: false, isIndention: false)
    }

    /// Writes the space at `index`, or when `folding`, a line break and the indentation in its place.
    private mutating func writeSpace(_ text: [UInt8], _ index: inout Int, indent: Int, folding: Bool) {
        guard folding else { return writeCharacter(text, &index) }
        writeIndent(indent)
        index += 1
    }

    /// Whether the character at `index` is written as an escape in a double-quoted scalar.
    private static func isEscaped(_ text: [UInt8], at index: Int) -> Bool {
        let byte = text[index]
        return !UTF8Text.isPrintable(text, at: index) || UTF8Text.isBreak(text, at: index)
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// Writes the character at `index` as an escape and moves past it.
    private mutating func writeEscapedCharacter(_ text: [UInt8], _ index: inout Int) {
        let width = UTF8Text.width(of: text[index])
        writeEscape(Self.decode(text, at: index, width: width))
        index += width
    }

    private mutating func writeEscape(_ scalar: UInt32) {
        put(UInt8(ascii: "\\"))
        switch scalar {
        case 0x00: put(UInt8(ascii: "0"))
        case 0x07: put(UInt8(ascii: "a"))
        case 0x08: put(UInt8(ascii: "b"))
        case 0x09: put(UInt8(ascii: "t"))
        case 0x0A: put(UInt8(ascii: "n"))
        case 0x0B: put(UInt8(ascii: "v"))
        case 0x0C: put(UInt8(ascii: "f"))
        case 0x0D: put(UInt8(ascii: "r"))
        case 0x1B: put(UInt8(ascii: "e"))
        case 0x22: put(UInt8(ascii: "\""))
        case 0x5C: put(UInt8(ascii: "\\"))
        case 0x85: put(UInt8(ascii: "N"))
        case 0xA0: put(UInt8(ascii: "_"))
        case 0x2028: put(UInt8(ascii: "L"))
        case 0x2029: put(UInt8(ascii: "P"))
        default:
            let (marker, digits): (Character, Int) = scalar <= 0xFF ? ("x", 2) : scalar <= 0xFFFF ? ("u", 4) : ("U", 8)
            put(UInt8(ascii: marker.unicodeScalars.first!))
            for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) {
                let digit = UInt8((scalar >> UInt32(shift)) & 0xF)
                put(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "A") + digit - 10)
            }
        }
    }

    private mutating func writeLiteral(_ text: [UInt8], indent: Int) {
        writeIndicator("|", needsWhitespace: true, isWhitespace: false, isIndention: false)
        if needsIndentationIndicator(text) {
            writeIndicator(String(bestIndent), needsWhitespace: false, isWhitespace: false, isIndention: false)
        }
        if let chomping = Self.chompingIndicator(text) {
            writeIndicator(chomping, needsWhitespace: false, isWhitespace: false, isIndention: false)
        }
        putBreak()
        whitespace = true
        var breaks = true
        var index = 0
        while index < text.count {
            if UTF8Text.isBreak(text, at: index) {
                writeBreak(text, &index)
                breaks = true
            } else {
                if breaks {
                    writeIndent(indent)
                    breaks = false
                }
                writeRun(text, &index) { text, index in UTF8Text.isBreak(text, at: index) }
                indention = false
            }
        }
    }

    /// `-` without a final line break, none with one, `+` with more.
    static func chompingIndicator(_ text: [UInt8]) -> String? {
        var last = text.count - 1
        while last > 0 && text[last] & 0xC0 == 0x80 { last -= 1 }
        guard UTF8Text.isBreak(text, at: last) else { return "-" }
        if last == 0 { return "+" }
        var previous = last - 1
        while previous > 0 && text[previous] & 0xC0 == 0x80 { previous -= 1 }
        return UTF8Text.isBreak(text, at: previous) ? "+" : nil
    }

    private static func decode(_ text: [UInt8], at index: Int, width: Int) -> UInt32 {
        let masks: [UInt8] = [0x7F, 0x1F, 0x0F, 0x07]
        var scalar = UInt32(text[index] & masks[width - 1])
        for offset in 1..<width where index + offset < text.count {
            scalar = scalar << 6 | UInt32(text[index + offset] & 0x3F)
        }
        return scalar
    }

    // MARK: Output primitives (yaml.v3's put, write, write_break, write_indent, write_indicator)

    mutating func put(_ byte: UInt8) {
        output.append(byte)
        column += 1
    }

    mutating func putBreak() {
        output.append(UInt8(ascii: "\n"))
        column = 0
        indention = true
    }

    mutating func writeCharacter(_ text: [UInt8], _ index: inout Int) {
        let end = min(text.count, index + UTF8Text.width(of: text[index]))
        output.append(contentsOf: text[index..<end])
        column += 1
        index = end
    }

    /// Appends text already in its final form; the column advances by one per character.
    mutating func writeRaw(_ text: [UInt8]) {
        var index = 0
        writeRun(text, &index) { _, _ in false }
    }

    mutating func writeCharacters(_ text: [UInt8]) {
        var index = 0
        writeRun(text, &index) { _, _ in false }
    }

    /// Appends characters from `index` up to the first one at which `stops`
    /// holds, in one copy; the column advances by one per character.
    mutating func writeRun(_ text: [UInt8], _ index: inout Int, until stops: ([UInt8], Int) -> Bool) {
        let start = index
        var characters = 0
        while index < text.count, !stops(text, index) {
            if text[index] & 0xC0 != 0x80 { characters += 1 }
            index += 1
            while index < text.count, text[index] & 0xC0 == 0x80 { index += 1 }
        }
        output.append(contentsOf: text[start..<index])
        column += characters
    }

    mutating func writeBreak(_ text: [UInt8], _ index: inout Int) {
        if text[index] == UInt8(ascii: "\n") {
            putBreak()
            index += 1
        } else {
            writeCharacter(text, &index)
            column = 0
            indention = true
        }
    }

    mutating func writeIndent(_ indent: Int) {
        if !indention || column > indent || (column == indent && !whitespace) {
            putBreak()
        }
        while column < indent { put(UInt8(ascii: " ")) }
        whitespace = true
    }

    mutating func writeIndicator(_ indicator: String, needsWhitespace: Bool, isWhitespace: Bool, isIndention: Bool) {
        if needsWhitespace && !whitespace { put(UInt8(ascii: " ")) }
        output.append(contentsOf: indicator.utf8)
        column += indicator.utf8.count
        whitespace = isWhitespace
        indention = indention && isIndention
    }
}

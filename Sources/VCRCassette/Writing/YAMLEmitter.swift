/// Writes block YAML byte for byte as go-vcr's encoder does.
///
/// go-vcr encodes with yaml.v3 (or its successor go.yaml.in/yaml/v4), a Go
/// port of libyaml's emitter. This type ports the parts a cassette uses: the
/// indentation rules of both layouts, the scalar style choice and the four
/// scalar writers. Lines are never wrapped. It departs from the Go encoders
/// only where they write text that reads back differently (see ``Style``).
struct YAMLEmitter {
    /// The bytes written so far.
    private(set) var output: [UInt8] = []

    private let bestIndent: Int
    private let indentsSequences: Bool
    private var column = 0
    private var whitespace = true
    private var indention = true

    init(layout: CassetteLayout.Indentation, capacity: Int) {
        bestIndent = layout == .compact ? 2 : 4
        indentsSequences = layout == .indented
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
        var style = Style.requested(for: text)
        if style == .literal, inSequence, indentsSequences, Self.needsIndentationIndicator(text) {
            // yaml.v3 writes `- |4` with the text two columns in, which reads back
            // differently; double quotes keep the value.
            style = .doubleQuoted
        }
        writeScalar(text, analysis: ScalarAnalysis(text), indent: indent, isSimpleKey: false, requested: style)
    }

    /// Writes bytes that are not valid UTF-8 as `!!binary` base64, as yaml.v3 does.
    mutating func writeBinary(_ bytes: some Collection<UInt8>, indent: Int) {
        let encoded = Base64Lines.encode(bytes)
        writeIndicator("!!binary", needsWhitespace: true, isWhitespace: false, isIndention: false)
        writeScalar(encoded, analysis: ScalarAnalysis(encoded), indent: indent, isSimpleKey: false,
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

        /// The style yaml.v3's encoder asks the emitter for.
        static func requested(for text: [UInt8]) -> Style {
            if text.contains(UInt8(ascii: "\n")) {
                return isLiteralCandidate(text) ? .literal : .doubleQuoted
            }
            return PlainScalarResolver.readsAsNonString(text) ? .doubleQuoted : .plain
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

    /// A text that starts with a space or a line break needs the block's indentation
    /// written out. So does one that starts with a tab: yaml.v3 writes it without
    /// the digit, and libyaml then refuses the tab where it looks for indentation.
    private static func needsIndentationIndicator(_ text: [UInt8]) -> Bool {
        text.first == UInt8(ascii: " ") || text.first == UInt8(ascii: "\t") || UTF8Text.isBreak(text, at: 0)
    }

    /// The emitter's own checks on the requested style (`yaml_emitter_select_scalar_style`).
    private mutating func writeScalar(
        _ text: [UInt8], analysis: ScalarAnalysis, indent: Int, isSimpleKey: Bool, requested: Style? = nil
    ) {
        var style = requested ?? Style.requested(for: text)
        if style == .plain {
            if !analysis.allowsPlain { style = .singleQuoted }
            if text.isEmpty && isSimpleKey { style = .singleQuoted }
        }
        if style == .singleQuoted && !analysis.allowsSingleQuoted { style = .doubleQuoted }
        if style == .literal && (!analysis.allowsBlock || isSimpleKey) { style = .doubleQuoted }
        switch style {
        case .plain: writePlainScalar(text)
        case .singleQuoted: writeSingleQuoted(text, indent: indent)
        case .doubleQuoted: writeDoubleQuoted(text)
        case .literal: writeLiteral(text, indent: indent)
        }
    }

    // MARK: Scalar writers

    private mutating func writePlainScalar(_ text: [UInt8]) {
        if !text.isEmpty && !whitespace { put(UInt8(ascii: " ")) }
        writeCharacters(text)
        whitespace = false
        indention = false
    }

    private mutating func writeSingleQuoted(_ text: [UInt8], indent: Int) {
        writeIndicator("'", needsWhitespace: true, isWhitespace: false, isIndention: false)
        var breaks = false
        var index = 0
        while index < text.count {
            if UTF8Text.isBreak(text, at: index) {
                if !breaks && text[index] == UInt8(ascii: "\n") { putBreak() }
                writeBreak(text, &index)
                breaks = true
            } else {
                if breaks { writeIndent(indent) }
                if text[index] == UInt8(ascii: "'") { put(UInt8(ascii: "'")) }
                writeCharacter(text, &index)
                indention = false
                breaks = false
            }
        }
        writeIndicator("'", needsWhitespace: false, isWhitespace: false, isIndention: false)
    }

    private mutating func writeDoubleQuoted(_ text: [UInt8]) {
        writeIndicator("\"", needsWhitespace: true, isWhitespace: false, isIndention: false)
        // yaml.v3's is_bom looks at the text's first bytes, not the current ones.
        let startsWithBOM = text.starts(with: [0xEF, 0xBB, 0xBF])
        var index = 0
        while index < text.count {
            let byte = text[index]
            if startsWithBOM || !UTF8Text.isPrintable(text, at: index) || UTF8Text.isBreak(text, at: index)
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
            {
                let width = UTF8Text.width(of: byte)
                writeEscape(Self.decode(text, at: index, width: width))
                index += width
            } else {
                writeRun(text, &index) { text, index in
                    let byte = text[index]
                    return !UTF8Text.isPrintable(text, at: index) || UTF8Text.isBreak(text, at: index)
                        || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
                }
            }
        }
        writeIndicator("\"", needsWhitespace: false, isWhitespace: false, isIndention: false)
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
        if Self.needsIndentationIndicator(text) {
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
    private static func chompingIndicator(_ text: [UInt8]) -> String? {
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

    private mutating func put(_ byte: UInt8) {
        output.append(byte)
        column += 1
    }

    private mutating func putBreak() {
        output.append(UInt8(ascii: "\n"))
        column = 0
        indention = true
    }

    private mutating func writeCharacter(_ text: [UInt8], _ index: inout Int) {
        let end = min(text.count, index + UTF8Text.width(of: text[index]))
        output.append(contentsOf: text[index..<end])
        column += 1
        index = end
    }

    private mutating func writeCharacters(_ text: [UInt8]) {
        var index = 0
        writeRun(text, &index) { _, _ in false }
    }

    /// Appends characters from `index` up to the first one at which `stops`
    /// holds, in one copy; the column advances by one per character.
    private mutating func writeRun(_ text: [UInt8], _ index: inout Int, until stops: ([UInt8], Int) -> Bool) {
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

    private mutating func writeBreak(_ text: [UInt8], _ index: inout Int) {
        if text[index] == UInt8(ascii: "\n") {
            putBreak()
            index += 1
        } else {
            writeCharacter(text, &index)
            column = 0
            indention = true
        }
    }

    private mutating func writeIndent(_ indent: Int) {
        if !indention || column > indent || (column == indent && !whitespace) {
            putBreak()
        }
        while column < indent { put(UInt8(ascii: " ")) }
        whitespace = true
    }

    private mutating func writeIndicator(_ indicator: String, needsWhitespace: Bool, isWhitespace: Bool, isIndention: Bool) {
        if needsWhitespace && !whitespace { put(UInt8(ascii: " ")) }
        output.append(contentsOf: indicator.utf8)
        column += indicator.utf8.count
        whitespace = isWhitespace
        indention = indention && isIndention
    }
}

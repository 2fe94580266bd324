/// goccy/go-yaml v1.18.0's scalars (``CassetteLayout/Style/goccy``): the layout is
/// the compact one, the style of each string is ``GoccyScalarStyle``'s.
extension YAMLEmitter {
    /// libyaml reads a simple key of at most this many characters.
    private static let longestSimpleKey = 1024

    /// Writes a mapping key through its `:`, plain or double-quoted as goccy writes it.
    /// A key too long for a YAML reader's simple key is written as an explicit `? ` key.
    mutating func writeGoccyKey(_ key: [UInt8], indent: Int) {
        let text = GoccyScalarStyle.ofKey(key) == .plain ? key : GoQuotedString.quote(key)
        let characters = text.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        if characters > Self.longestSimpleKey {
            writeIndicator("?", needsWhitespace: true, isWhitespace: false, isIndention: true)
            writeGoccyText(text)
            writeIndent(indent)
            writeIndicator(":", needsWhitespace: true, isWhitespace: false, isIndention: true)
        } else {
            writeGoccyText(text)
            writeIndicator(":", needsWhitespace: false, isWhitespace: false, isIndention: false)
        }
    }

    /// Writes a string value; `indent` is the column of a literal block's lines.
    mutating func writeGoccyString(_ text: [UInt8], indent: Int, inSequence: Bool) {
        switch GoccyScalarStyle.of(text) {
        case .plain: writePlainScalar(text)
        case .doubleQuoted: writeGoccyText(GoQuotedString.quote(text))
        case .literal: writeGoccyLiteral(text, indent: indent, inSequence: inSequence)
        }
    }

    private mutating func writeGoccyText(_ text: [UInt8]) {
        if !whitespace { put(UInt8(ascii: " ")) }
        writeRaw(text)
        whitespace = false
        indention = false
    }

    /// goccy's literal block: `|`, `|-` or `|+` and no indentation digit. It indents each
    /// line by string manipulation, so in a mapping an empty line keeps the
    /// indentation's spaces (all but the last of a `|+` block), and in a sequence it is empty.
    private mutating func writeGoccyLiteral(_ text: [UInt8], indent: Int, inSequence: Bool) {
        let chomping = Self.chompingIndicator(text)
        writeIndicator("|" + (chomping ?? ""), needsWhitespace: true, isWhitespace: false, isIndention: false)
        putBreak()
        whitespace = true
        let endsWithBreak = text.last == UInt8(ascii: "\n")
        var lines = text.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if endsWithBreak { lines.removeLast() }
        for (number, line) in lines.enumerated() {
            let isLast = number == lines.count - 1
            if !line.isEmpty || !inSequence && !(isLast && chomping == "+") {
                while column < indent { put(UInt8(ascii: " ")) }
            }
            writeRaw(Array(line))
            indention = false
            if !isLast || endsWithBreak { putBreak() }
        }
    }
}

/// Go's `strconv.Quote`, which goccy/go-yaml uses for every double-quoted scalar.
///
/// Printable characters (letters, marks, numbers, punctuation, symbols and the
/// ASCII space, as Go's `unicode.IsPrint` defines them) stay raw; `"` and `\`
/// are backslashed; `\a \b \f \n \r \t \v` are escaped by name; other controls
/// below U+0080 become `\xhh`, everything else `\uhhhh` or `\Uhhhhhhhh`, in
/// lower-case hex. A YAML reader reads every escape back to the same character.
enum GoQuotedString {
    /// `text` (valid UTF-8) quoted, with its surrounding double quotes.
    static func quote(_ text: [UInt8]) -> [UInt8] {
        var output: [UInt8] = [UInt8(ascii: "\"")]
        output.reserveCapacity(text.count + 2)
        var index = 0
        while index < text.count {
            let byte = text[index]
            if byte < 0x80 {
                appendASCII(byte, to: &output)
                index += 1
                continue
            }
            let width = UTF8Text.width(of: byte)
            let end = min(text.count, index + width)
            let scalar = decode(text[index..<end])
            if isPrintable(scalar) {
                output.append(contentsOf: text[index..<end])
            } else {
                appendHex(
                    scalar.value, marker: scalar.value < 0x10000 ? "u" : "U", digits: scalar.value < 0x10000 ? 4 : 8,
                    to: &output)
            }
            index = end
        }
        output.append(UInt8(ascii: "\""))
        return output
    }

    private static func appendASCII(_ byte: UInt8, to output: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), byte])
        case 0x07: output.append(contentsOf: Array(#"\a"#.utf8))
        case 0x08: output.append(contentsOf: Array(#"\b"#.utf8))
        case 0x0C: output.append(contentsOf: Array(#"\f"#.utf8))
        case 0x0A: output.append(contentsOf: Array(#"\n"#.utf8))
        case 0x0D: output.append(contentsOf: Array(#"\r"#.utf8))
        case 0x09: output.append(contentsOf: Array(#"\t"#.utf8))
        case 0x0B: output.append(contentsOf: Array(#"\v"#.utf8))
        case 0x20...0x7E: output.append(byte)
        default: appendHex(UInt32(byte), marker: "x", digits: 2, to: &output)
        }
    }

    private static func appendHex(_ value: UInt32, marker: Unicode.Scalar, digits: Int, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\\"))
        output.append(UInt8(ascii: marker))
        for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) {
            let digit = UInt8((value >> UInt32(shift)) & 0xF)
            output.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
        }
    }

    /// Go's `unicode.IsPrint` above ASCII: the categories L, M, N, P and S.
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark,
            .decimalNumber, .letterNumber, .otherNumber,
            .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation,
            .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    private static func decode(_ bytes: ArraySlice<UInt8>) -> Unicode.Scalar {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return "\u{FFFD}"
    }
}

/// The scalar style goccy/go-yaml v1.18.0 writes a string in, for
/// ``CassetteLayout/Style/goccy``.
///
/// goccy double-quotes (Go's `strconv.Quote`) every string its `token.IsNeedQuoted`
/// flags; writes any other string containing a line break as a literal block
/// without an indentation digit; and the rest plain. Some of those plain and
/// literal texts read back differently (a tab or control character, a CR, a
/// `? ` at the start…): those, and only those, are double-quoted here instead.
enum GoccyScalarStyle: Equatable {
    case plain, doubleQuoted, literal

    /// The style of a mapping value or sequence item.
    static func of(_ text: [UInt8]) -> GoccyScalarStyle {
        if needsQuotes(text) { return .doubleQuoted }
        if text.contains(UInt8(ascii: "\n")) || text.contains(UInt8(ascii: "\r")) {
            return literalReadsBack(text) ? .literal : .doubleQuoted
        }
        return plainReadsBack(text) ? .plain : .doubleQuoted
    }

    /// The style of a mapping key: goccy writes no block keys, so a key with a line break is quoted.
    static func ofKey(_ text: [UInt8]) -> GoccyScalarStyle {
        let style = of(text)
        return style == .literal ? .doubleQuoted : style
    }

    // MARK: goccy's token.IsNeedQuoted

    /// Whether goccy quotes `text`: empty, a keyword, a number, a timestamp, `-`, a
    /// leading indicator or space, a trailing `:` or space, or a `#`, `\`, `: ` or `- ` anywhere.
    static func needsQuotes(_ text: [UInt8]) -> Bool {
        guard let first = text.first, let last = text.last else { return true }
        if keywords.contains(text) || isNumber(text) || text == [UInt8(ascii: "-")] { return true }
        if leadingIndicators.contains(first) || last == UInt8(ascii: ":") || last == UInt8(ascii: " ") { return true }
        if GoccyTimestampSyntax.isTimestamp(text) { return true }
        for index in text.indices {
            switch text[index] {
            case UInt8(ascii: "#"), UInt8(ascii: "\\"):
                return true
            case UInt8(ascii: ":"), UInt8(ascii: "-"):
                if index + 1 < text.count && text[index + 1] == UInt8(ascii: " ") { return true }
            default:
                break
            }
        }
        return false
    }

    /// Null and boolean keywords, YAML 1.1's included (goccy's `reservedEncKeywordMap`).
    private static let keywords = ShortWords([
        "null", "Null", "NULL", "~", "true", "True", "TRUE", "false", "False", "FALSE",
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
    ])

    private static let leadingIndicators = Set("*&[{}],!|>%'\"@ `".utf8)

    /// goccy's `isNumber`: underscores and one leading sign dropped, then `0x`, `0o`, `0b`,
    /// a leading `0` (octal), one `.` (a float) or decimal digits; an out-of-range number counts.
    static func isNumber(_ text: [UInt8]) -> Bool {
        guard let first = text.first, first != UInt8(ascii: "_"), text.allSatisfy(mayBeInNumber) else { return false }
        let dots = text.reduce(0) { $0 + ($1 == UInt8(ascii: ".") ? 1 : 0) }
        guard dots <= 1 else { return false }
        let negative = first == UInt8(ascii: "-")
        var rest = text[...]
        if rest.first == UInt8(ascii: "+") { rest = rest.dropFirst() }
        if rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
        let normalized = rest.filter { $0 != UInt8(ascii: "_") }
        let prefixes: [(String, Int)] = [("0x", 16), ("0o", 8), ("0b", 2)]
        if let (prefix, base) = prefixes.first(where: { normalized.starts(with: Array($0.0.utf8)) }) {
            return areDigits(normalized.dropFirst(prefix.utf8.count), base: base)
        }
        if normalized.first == UInt8(ascii: "0") && normalized.count > 1 && dots == 0 {
            return areDigits(normalized[...], base: 8)
        }
        if dots == 1 {
            return GoNumberSyntax.isYAMLStyleFloat((negative ? [UInt8(ascii: "-")] : []) + normalized)
        }
        return areDigits(normalized[...], base: 10)
    }

    /// Whether `byte` can be part of a number ``isNumber(_:)`` accepts: a hex
    /// digit, `x` or `o` of a prefix, `.`, `_` or a sign. Most texts are told
    /// apart by their first letters, without the passes and copies below.
    private static func mayBeInNumber(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return ByteScanner.isDigit(byte) || lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f")
            || byte == UInt8(ascii: "x") || byte == UInt8(ascii: "o") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }

    /// `strconv.ParseUint(digits, base, 64)` succeeds or fails only for range.
    private static func areDigits(_ digits: ArraySlice<UInt8>, base: Int) -> Bool {
        !digits.isEmpty
            && digits.allSatisfy { byte in
                let lower = byte | 0x20
                let value: Int
                if ByteScanner.isDigit(byte) {
                    value = Int(byte - UInt8(ascii: "0"))
                } else if lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f") {
                    value = Int(lower - UInt8(ascii: "a")) + 10
                } else {
                    return false
                }
                return value < base
            }
    }

    // MARK: What reads back

    /// goccy's plain text reads back unchanged: no line break, only characters a YAML
    /// reader accepts, no blank at either end, no `? `, `: ` or `- ` where YAML sees an indicator.
    private static func plainReadsBack(_ text: [UInt8]) -> Bool {
        guard readerAccepts(text), let first = text.first, let last = text.last,
            !isBlank(first), !isBlank(last), !plainIndicators.contains(first)
        else { return false }
        if first == UInt8(ascii: "?") || first == UInt8(ascii: ":") || first == UInt8(ascii: "-") {
            if text.count == 1 || isBlank(text[1]) { return false }
        }
        for index in text.indices where text[index] == UInt8(ascii: ":") {
            if index + 1 == text.count || isBlank(text[index + 1]) { return false }
        }
        for index in text.indices.dropFirst() where text[index] == UInt8(ascii: "#") && isBlank(text[index - 1]) {
            return false
        }
        return true
    }

    /// goccy's literal block reads back unchanged: line breaks are LF only, every
    /// character is one a YAML reader accepts, and the first character that is not a
    /// line break is no blank (the block has no indentation digit).
    private static func literalReadsBack(_ text: [UInt8]) -> Bool {
        guard readerAccepts(text), !text.contains(UInt8(ascii: "\r")),
            let first = text.first(where: { $0 != UInt8(ascii: "\n") })
        else { return false }
        return !isBlank(first)
    }

    private static let plainIndicators = Set(",[]{}#&*!|>'\"%@`".utf8)

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    /// Every character is one libyaml's reader accepts raw and no line break other than LF:
    /// tab, LF, U+0020–U+007E, U+00A0–U+D7FF, U+E000–U+FFFD (less the line and paragraph
    /// separators) and above U+FFFF.
    private static func readerAccepts(_ text: [UInt8]) -> Bool {
        var iterator = text.makeIterator()
        var decoder = UTF8()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            switch scalar.value {
            case 0x09, 0x0A, 0x20...0x7E, 0xA0...0x2027, 0x202A...0xD7FF, 0xE000...0xFFFD, 0x10000...: continue
            default: return false
            }
        }
        return true
    }
}

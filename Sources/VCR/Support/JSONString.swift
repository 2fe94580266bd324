/// JSON string literals, as `vcr dump` writes them and reports show JSON bodies.
package enum JSONString {
    /// `text` as a JSON string literal: quotes, backslashes and control characters
    /// escaped, and U+2028, U+2029 and U+FEFF too (JavaScript reads the first two as
    /// line breaks, and JSON readers drop a raw byte order mark); everything else,
    /// non-ASCII included, is written as is.
    package static func quoted(_ text: String) -> String {
        var literal = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": literal += "\\\""
            case "\\": literal += "\\\\"
            case "\n": literal += "\\n"
            case "\r": literal += "\\r"
            case "\t": literal += "\\t"
            case "\u{08}": literal += "\\b"
            case "\u{0C}": literal += "\\f"
            case "\u{00}"..."\u{1F}", "\u{2028}", "\u{2029}", "\u{FEFF}":
                let hex = String(scalar.value, radix: 16)
                literal += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: literal.unicodeScalars.append(scalar)
            }
        }
        return literal + "\""
    }
}

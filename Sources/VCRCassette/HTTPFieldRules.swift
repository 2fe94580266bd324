/// What an HTTP response can carry: the rules the reader holds cassettes to
/// and replay checks again before it builds an `HTTPURLResponse`.
package enum HTTPFieldRules {
    /// The status codes an HTTP response can have.
    package static let statusCodes = 100...599

    /// The first character of `text` that no header name or value may hold
    /// (CR, LF or NUL, which would end or split the field), described; nil when there is none.
    package static func forbiddenCharacter<Text: Sequence<UInt8>>(in text: Text) -> String? {
        // Bytes held contiguously (a native string's) are read through a
        // buffer pointer; the outer optional is only whether they were.
        text.withContiguousStorageIfAvailable { firstForbidden(in: $0) } ?? firstForbidden(in: text)
    }

    private static func firstForbidden<Bytes: Sequence<UInt8>>(in bytes: Bytes) -> String? {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\r"): return "a carriage return (CR)"
            case UInt8(ascii: "\n"): return "a line feed (LF)"
            case 0: return "a NUL character"
            default: continue
            }
        }
        return nil
    }

    /// Why a response with these headers and `code` cannot be served, or nil when it can.
    ///
    /// Names only the header, never its value, which may be a secret.
    package static func problem(headers: [String: [String]], code: Int) -> String? {
        guard statusCodes.contains(code) else {
            return "its status code \(code) is outside \(statusCodes.lowerBound)–\(statusCodes.upperBound)"
        }
        let isClean = headers.allSatisfy { name, values in
            forbiddenCharacter(in: name.utf8) == nil && values.allSatisfy { forbiddenCharacter(in: $0.utf8) == nil }
        }
        if isClean { return nil }
        // The first problem in name order, so that the message is the same each time.
        for name in headers.keys.sorted() {
            if let found = forbiddenCharacter(in: name.utf8) {
                return "the name of its header \(quoted(name)) holds \(found)"
            }
            for value in headers[name] ?? [] {
                if let found = forbiddenCharacter(in: value.utf8) {
                    return "a value of its header \(quoted(name)) holds \(found)"
                }
            }
        }
        return nil
    }

    /// `name` in backticks, with CR, LF and NUL shown as `\r`, `\n` and `\0`.
    package static func quoted(_ name: String) -> String {
        var shown = ""
        for character in name.unicodeScalars {
            switch character {
            case "\r": shown += "\\r"
            case "\n": shown += "\\n"
            case "\0": shown += "\\0"
            default: shown.unicodeScalars.append(character)
            }
        }
        return "`\(shown)`"
    }
}

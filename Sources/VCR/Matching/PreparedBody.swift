import Foundation

/// A body with what the matchers compare: its bytes with CRLF turned into LF,
/// computed at once, and its JSON value, parsed on first use so that a body
/// found by its bytes is never parsed.
struct PreparedBody: Sendable {
    /// The bytes as given.
    let bytes: Data
    /// The bytes with every CRLF replaced by LF.
    let normalized: Data
    /// The parsed document once asked for: nil until then, `.some(nil)` for
    /// bytes that are not JSON. Locked, since a recorded body belongs to an
    /// index every request of a VCR reads.
    private let parsed = Locked<JSONValue??>(nil)

    /// Prepares `bytes`.
    init(_ bytes: Data) {
        self.bytes = bytes
        normalized = Self.normalizingLineEndings(bytes)
    }

    /// The parsed document, or nil when the bytes are not JSON.
    ///
    /// JSON white space includes CR and a raw CR or LF cannot appear inside a
    /// string, so the value is the same for ``bytes`` and ``normalized``.
    var json: JSONValue? {
        parsed.withLock { parsed in
            if let parsed { return parsed }
            let value = bytes.isEmpty ? nil : JSONParser.parse(bytes)
            parsed = .some(value)
            return value
        }
    }

    /// The digest of the parsed document (``JSONValue/digest``), computed from
    /// the bytes without parsing them into a value; nil when they are not JSON.
    var jsonDigest: UInt64? {
        bytes.isEmpty ? nil : JSONValue.digest(ofDocument: bytes)
    }

    /// Whether the bodies are equal after line-ending normalisation or as JSON values.
    func isEquivalent(to other: PreparedBody) -> Bool {
        if normalized == other.normalized { return true }
        guard let json, let otherJSON = other.json else { return false }
        return json == otherJSON
    }

    /// The bytes with every CRLF replaced by LF; the same storage when there is no CR.
    static func normalizingLineEndings(_ bytes: Data) -> Data {
        let hasCR = bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, 0x0D, buffer.count) != nil
        }
        guard hasCR else { return bytes }
        var result = Data(capacity: bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let next = bytes.index(after: index)
            if byte == 0x0D, next < bytes.endIndex, bytes[next] == 0x0A {
                result.append(0x0A)
                index = bytes.index(after: next)
            } else {
                result.append(byte)
                index = next
            }
        }
        return result
    }
}

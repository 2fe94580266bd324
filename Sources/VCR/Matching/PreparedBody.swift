import Foundation

/// A body with what the matchers compare computed once: its bytes with CRLF
/// turned into LF, and its JSON value when it is JSON.
struct PreparedBody: Sendable {
    /// The bytes as given.
    let bytes: Data
    /// The bytes with every CRLF replaced by LF.
    let normalized: Data
    /// The parsed document, or nil when the bytes are not JSON.
    let json: JSONValue?

    init(_ bytes: Data) {
        self.bytes = bytes
        normalized = Self.normalizingLineEndings(bytes)
        json = bytes.isEmpty ? nil : JSONParser.parse(bytes)
    }

    /// Whether the bodies are equal after line-ending normalisation or as JSON values.
    func isEquivalent(to other: PreparedBody) -> Bool {
        if normalized == other.normalized { return true }
        guard let json, let otherJSON = other.json else { return false }
        return json == otherJSON
    }

    /// The bytes with every CRLF replaced by LF; the same storage when there is no CR.
    static func normalizingLineEndings(_ bytes: Data) -> Data {
        guard bytes.contains(0x0D) else { return bytes }
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

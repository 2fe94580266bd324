import Foundation

/// Replaces the members of a JSON document named by paths with a string,
/// leaving every other byte of the document as it was.
///
/// The document is scanned once, keeping the path of the value at hand; a
/// body that is not JSON is left alone.
struct JSONRedaction: Sendable {
    private let paths: [[JSONPath.Component]]
    private let replacement: [UInt8]

    init(paths: [String], placeholder: String) {
        self.paths = paths.map { JSONPath($0).components }.filter { !$0.isEmpty }
        var replacement = Array("\"".utf8)
        for byte in placeholder.utf8 {
            if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\"") { replacement.append(UInt8(ascii: "\\")) }
            replacement.append(byte)
        }
        replacement.append(UInt8(ascii: "\""))
        self.replacement = replacement
    }

    /// Whether any path is named, so that something can be redacted.
    var redactsPaths: Bool { !paths.isEmpty }

    /// The body with the named members' values replaced; the body itself when
    /// nothing is named or it is not JSON.
    func redacting(_ body: Data) -> Data {
        guard !paths.isEmpty, let first = body.first(where: { !Scanner.isWhitespace($0) }),
            first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
        else { return body }
        var scanner = Scanner(bytes: Array(body), paths: paths)
        guard scanner.scanDocument(), !scanner.redactedRanges.isEmpty else { return body }
        var result = Data()
        var position = 0
        for range in scanner.redactedRanges {
            result.append(contentsOf: scanner.bytes[position..<range.lowerBound])
            result.append(contentsOf: replacement)
            position = range.upperBound
        }
        result.append(contentsOf: scanner.bytes[position...])
        return result
    }

    /// Walks one JSON document, noting the byte ranges of values whose path matches.
    private struct Scanner {
        let bytes: [UInt8]
        let paths: [[JSONPath.Component]]
        var position = 0
        var path: [JSONPath.Component] = []
        var redactedRanges: [Range<Int>] = []

        init(bytes: [UInt8], paths: [[JSONPath.Component]]) {
            self.bytes = bytes
            self.paths = paths
        }

        static func isWhitespace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
        }

        mutating func scanDocument() -> Bool {
            skipWhitespace()
            guard scanValue(depth: 0) else { return false }
            skipWhitespace()
            return position == bytes.count
        }

        private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

        private mutating func skipWhitespace() {
            while let byte = current, Self.isWhitespace(byte) { position += 1 }
        }

        /// Whether a pattern names exactly the current path.
        private var isRedacted: Bool {
            paths.contains { pattern in
                pattern.count == path.count
                    && zip(pattern, path).allSatisfy { wanted, actual in wanted == .any || wanted == actual }
            }
        }

        private mutating func scanValue(depth: Int) -> Bool {
            guard depth <= JSONParser.maximumDepth, let byte = current else { return false }
            let start = position
            let scanned: Bool
            switch byte {
            case UInt8(ascii: "{"): scanned = scanObject(depth: depth + 1)
            case UInt8(ascii: "["): scanned = scanArray(depth: depth + 1)
            case UInt8(ascii: "\""): scanned = scanString() != nil
            default: scanned = scanScalar()
            }
            guard scanned else { return false }
            if !path.isEmpty, isRedacted {
                redactedRanges.removeAll { $0.lowerBound >= start }
                redactedRanges.append(start..<position)
            }
            return true
        }

        private mutating func scanObject(depth: Int) -> Bool {
            position += 1
            skipWhitespace()
            if current == UInt8(ascii: "}") {
                position += 1
                return true
            }
            while true {
                guard current == UInt8(ascii: "\""), let key = scanString() else { return false }
                skipWhitespace()
                guard current == UInt8(ascii: ":") else { return false }
                position += 1
                skipWhitespace()
                path.append(.key(key))
                defer { path.removeLast() }
                guard scanValue(depth: depth) else { return false }
                skipWhitespace()
                switch current {
                case UInt8(ascii: ","):
                    position += 1
                    skipWhitespace()
                case UInt8(ascii: "}"):
                    position += 1
                    return true
                default:
                    return false
                }
            }
        }

        private mutating func scanArray(depth: Int) -> Bool {
            position += 1
            skipWhitespace()
            if current == UInt8(ascii: "]") {
                position += 1
                return true
            }
            var index = 0
            while true {
                path.append(.index(index))
                defer { path.removeLast() }
                guard scanValue(depth: depth) else { return false }
                index += 1
                skipWhitespace()
                switch current {
                case UInt8(ascii: ","):
                    position += 1
                    skipWhitespace()
                case UInt8(ascii: "]"):
                    position += 1
                    return true
                default:
                    return false
                }
            }
        }

        /// Scans a string and returns its decoded text.
        private mutating func scanString() -> String? {
            let start = position
            position += 1
            var escaped = false
            while let byte = current {
                position += 1
                if byte == UInt8(ascii: "\\") {
                    escaped = true
                    guard current != nil else { return nil }
                    position += 1
                } else if byte == UInt8(ascii: "\"") {
                    let quoted = bytes[start..<position]
                    guard escaped else { return String(decoding: quoted.dropFirst().dropLast(), as: UTF8.self) }
                    guard case .string(let text) = JSONParser.parse(Data(quoted)) else { return nil }
                    return text
                } else if byte < 0x20 {
                    return nil
                }
            }
            return nil
        }

        /// Scans a number, `true`, `false` or `null`.
        private mutating func scanScalar() -> Bool {
            let start = position
            while let byte = current, !Self.isWhitespace(byte), byte != UInt8(ascii: ","),
                byte != UInt8(ascii: "}"), byte != UInt8(ascii: "]")
            {
                position += 1
            }
            guard position > start else { return false }
            return JSONParser.parse(Data(bytes[start..<position])) != nil
        }
    }
}

import Foundation

/// Finds the members of JSON-RPC messages in JSON text without rebuilding it:
/// the message itself when the text is an object, or each element of a
/// top-level array (a batch). Bytes outside the ranges it reports are never
/// touched, so a rewritten body keeps the recording's spelling.
struct JSONMessageScanner {
    /// One message of the text: the byte ranges of its top-level members' values.
    struct Message {
        /// The range of the `id` member's value, when the message has one.
        var id: Range<Int>?
        /// Whether the message is a response (it has `result` or `error`).
        var isResponse: Bool
    }

    private let bytes: [UInt8]
    private var position = 0

    private init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The messages of `bytes`; nil when the text is not an object or an array
    /// of values (a malformed text gives what was found before the fault).
    static func messages(in bytes: [UInt8]) -> [Message]? {
        var scanner = JSONMessageScanner(bytes)
        scanner.skipWhitespace()
        switch scanner.current {
        case UInt8(ascii: "{"):
            return scanner.object().map { [$0] }
        case UInt8(ascii: "["):
            return scanner.array()
        default:
            return nil
        }
    }

    private var current: UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
    }

    /// The elements of an array that are objects, as messages.
    private mutating func array() -> [Message]? {
        position += 1
        var messages: [Message] = []
        while true {
            skipWhitespace()
            guard let byte = current else { return messages }
            switch byte {
            case UInt8(ascii: "]"): return messages
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "{"):
                guard let message = object() else { return messages }
                messages.append(message)
            default:
                guard skipValue() else { return messages }
            }
        }
    }

    /// An object's `id` range and whether it is a response.
    private mutating func object() -> Message? {
        position += 1
        var message = Message(id: nil, isResponse: false)
        while true {
            skipWhitespace()
            guard let byte = current else { return nil }
            if byte == UInt8(ascii: "}") {
                position += 1
                return message
            }
            if byte == UInt8(ascii: ",") {
                position += 1
                continue
            }
            guard byte == UInt8(ascii: "\""), let key = string() else { return nil }
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { return nil }
            position += 1
            skipWhitespace()
            let start = position
            guard skipValue() else { return nil }
            switch key {
            case "id": message.id = start..<position
            case "result", "error": message.isResponse = true
            default: break
            }
        }
    }

    /// A string's decoded-enough text (escapes kept), positioned past its closing quote.
    private mutating func string() -> String? {
        let start = position + 1
        guard skipString() else { return nil }
        return String(decoding: bytes[start..<position - 1], as: UTF8.self)
    }

    private mutating func skipString() -> Bool {
        position += 1
        while let byte = current {
            position += 1
            if byte == UInt8(ascii: "\\") {
                position += 1
            } else if byte == UInt8(ascii: "\"") {
                return true
            }
        }
        return false
    }

    /// Skips one value of any kind; false when the text ends first.
    private mutating func skipValue() -> Bool {
        var depth = 0
        repeat {
            skipWhitespace()
            guard let byte = current else { return false }
            switch byte {
            case UInt8(ascii: "\""):
                guard skipString() else { return false }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                position += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard depth > 0 else { return true }
                depth -= 1
                position += 1
            case UInt8(ascii: ","), UInt8(ascii: ":"):
                guard depth > 0 else { return true }
                position += 1
            default:
                while let next = current, !Self.ends(next) { position += 1 }
            }
        } while depth > 0
        return true
    }

    /// Whether `byte` ends a number or literal.
    private static func ends(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") || byte == 0x20
            || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == UInt8(ascii: ":")
    }
}

import Foundation

/// What a ``JSONParser`` makes of a document as it reads it: a ``JSONValue``
/// (``JSONTree``) or the value's digest (``JSONDigester``), from one grammar,
/// so that both accept exactly the same documents.
protocol JSONBuilder {
    associatedtype Value
    associatedtype Key
    associatedtype ArrayState
    associatedtype ObjectState

    mutating func null() -> Value
    mutating func bool(_ value: Bool) -> Value
    /// A number's digits as written, integer part then fraction, with the power
    /// of ten they are multiplied by; leading and trailing zeros not removed.
    mutating func number(isNegative: Bool, digits: UnsafeBufferPointer<UInt8>, exponent: Int) -> Value
    /// A string's bytes, escapes decoded.
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> Value
    /// An object member's name, escapes decoded.
    mutating func key(_ bytes: UnsafeBufferPointer<UInt8>) -> Key
    mutating func startArray() -> ArrayState
    mutating func append(_ element: Value, to array: inout ArrayState)
    mutating func finish(_ array: ArrayState) -> Value
    mutating func startObject() -> ObjectState
    mutating func add(_ key: Key, _ value: Value, to object: inout ObjectState)
    mutating func finish(_ object: ObjectState) -> Value
}

/// A strict RFC 8259 JSON parser.
///
/// Bodies are parsed once, when a cassette is indexed or a request arrives.
/// Nesting is limited so that hostile input cannot exhaust the stack.
enum JSONParser {
    /// The deepest nesting of arrays and objects accepted.
    static let maximumDepth = 512

    /// Parses a whole document; nil when the bytes are not exactly one JSON value.
    static func parse(_ data: Data) -> JSONValue? {
        parse(data, with: JSONTree()).value
    }

    /// Builds a whole document with `builder`; nil when the bytes are not
    /// exactly one JSON value. The builder is returned with the value.
    static func parse<Builder: JSONBuilder>(
        _ data: Data, with builder: Builder
    ) -> (value: Builder.Value?, builder: Builder) {
        data.withUnsafeBytes { raw in
            var reader = JSONReader(raw.assumingMemoryBound(to: UInt8.self), builder: builder)
            reader.skipWhitespace()
            var value = reader.parseValue(depth: 0)
            reader.skipWhitespace()
            if !reader.isAtEnd { value = nil }
            return (value, reader.builder)
        }
    }
}

/// One document being read by ``JSONParser``.
private struct JSONReader<Builder: JSONBuilder> {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    var builder: Builder

    init(_ bytes: UnsafeBufferPointer<UInt8>, builder: Builder) {
        self.bytes = bytes
        self.builder = builder
    }

    var isAtEnd: Bool { position == bytes.count }

    private var current: UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
            position += 1
        }
    }

    private mutating func consume(_ literal: StaticString) -> Bool {
        literal.withUTF8Buffer { expected in
            guard bytes.count - position >= expected.count,
                bytes[position..<position + expected.count].elementsEqual(expected)
            else { return false }
            position += expected.count
            return true
        }
    }

    mutating func parseValue(depth: Int) -> Builder.Value? {
        guard depth <= JSONParser.maximumDepth, let byte = current else { return nil }
        switch byte {
        case UInt8(ascii: "{"): return parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return parseString { $0.builder.string($1) }
        case UInt8(ascii: "t"): return consume("true") ? builder.bool(true) : nil
        case UInt8(ascii: "f"): return consume("false") ? builder.bool(false) : nil
        case UInt8(ascii: "n"): return consume("null") ? builder.null() : nil
        default: return parseNumber()
        }
    }

    private mutating func parseObject(depth: Int) -> Builder.Value? {
        position += 1
        var members = builder.startObject()
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            position += 1
            return builder.finish(members)
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\""), let key = parseString({ $0.builder.key($1) }) else { return nil }
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { return nil }
            position += 1
            skipWhitespace()
            guard let value = parseValue(depth: depth) else { return nil }
            builder.add(key, value, to: &members)
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"):
                position += 1
                return builder.finish(members)
            default: return nil
            }
        }
    }

    private mutating func parseArray(depth: Int) -> Builder.Value? {
        position += 1
        var elements = builder.startArray()
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            position += 1
            return builder.finish(elements)
        }
        while true {
            skipWhitespace()
            guard let value = parseValue(depth: depth) else { return nil }
            builder.append(value, to: &elements)
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"):
                position += 1
                return builder.finish(elements)
            default: return nil
            }
        }
    }

    /// Reads a string and hands its decoded bytes to `make`.
    private mutating func parseString<Result>(
        _ make: (inout Self, UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result? {
        position += 1
        let start = position
        // Up to the first quote or backslash, the string's bytes are its own:
        // most strings end there and are handed over in place.
        while let byte = current, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
            guard byte >= 0x20 else { return nil }
            position += 1
        }
        if current == UInt8(ascii: "\"") {
            position += 1
            return make(&self, UnsafeBufferPointer(rebasing: bytes[start..<position - 1]))
        }
        var decoded = Array(bytes[start..<position])
        while let byte = current {
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return decoded.withUnsafeBufferPointer { make(&self, $0) }
            case UInt8(ascii: "\\"):
                guard let escaped = current else { return nil }
                position += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escaped)
                case UInt8(ascii: "b"): decoded.append(0x08)
                case UInt8(ascii: "f"): decoded.append(0x0C)
                case UInt8(ascii: "n"): decoded.append(0x0A)
                case UInt8(ascii: "r"): decoded.append(0x0D)
                case UInt8(ascii: "t"): decoded.append(0x09)
                case UInt8(ascii: "u"):
                    guard let scalar = parseUnicodeEscape() else { return nil }
                    decoded.append(contentsOf: String(Character(scalar)).utf8)
                default: return nil
                }
            case 0x00..<0x20:
                return nil
            default:
                decoded.append(byte)
            }
        }
        return nil
    }

    /// Decodes the hex digits after `\u`, joining a surrogate pair; a lone
    /// surrogate becomes U+FFFD as in most decoders.
    private mutating func parseUnicodeEscape() -> Unicode.Scalar? {
        guard let high = parseHex4() else { return nil }
        if (0xD800..<0xDC00).contains(high) {
            let mark = position
            if consume("\\u"), let low = parseHex4(), (0xDC00..<0xE000).contains(low) {
                return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
            }
            position = mark
            return "\u{FFFD}"
        }
        return Unicode.Scalar(high) ?? "\u{FFFD}"
    }

    private mutating func parseHex4() -> UInt32? {
        guard bytes.count - position >= 4 else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    private mutating func parseNumber() -> Builder.Value? {
        func isDigit(_ byte: UInt8?) -> Bool {
            byte.map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } ?? false
        }
        var isNegative = false
        if current == UInt8(ascii: "-") {
            isNegative = true
            position += 1
        }
        guard isDigit(current) else { return nil }
        var digits: [UInt8] = []
        if current == UInt8(ascii: "0") {
            position += 1
            guard !isDigit(current) else { return nil }
        } else {
            while isDigit(current), let byte = current {
                digits.append(byte)
                position += 1
            }
        }
        var exponent = 0
        if current == UInt8(ascii: ".") {
            position += 1
            guard isDigit(current) else { return nil }
            while isDigit(current), let byte = current {
                digits.append(byte)
                exponent -= 1
                position += 1
            }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            position += 1
            var exponentIsNegative = false
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") {
                exponentIsNegative = current == UInt8(ascii: "-")
                position += 1
            }
            guard isDigit(current) else { return nil }
            var written = 0
            while isDigit(current), let byte = current {
                // An exponent this large is no real number; such input is compared as bytes.
                guard written < 100_000_000 else { return nil }
                written = written * 10 + Int(byte - UInt8(ascii: "0"))
                position += 1
            }
            exponent += exponentIsNegative ? -written : written
        }
        return digits.withUnsafeBufferPointer {
            builder.number(isNegative: isNegative, digits: $0, exponent: exponent)
        }
    }
}

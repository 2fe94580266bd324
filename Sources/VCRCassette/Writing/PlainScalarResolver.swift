/// Decides whether a string written as a plain scalar would read back as
/// another type, following go-vcr's YAML encoders (yaml.v3's and yaml/v4's
/// `resolve`, plus their YAML 1.1 checks for old booleans and base-60 numbers).
///
/// Such strings must be quoted: `"true"`, `"0"`, `"2025-01-01"`, `"yes"`, `"1:20"`.
enum PlainScalarResolver {
    /// Whether yaml.v3 quotes `text`: it resolves as another type, or is a YAML 1.1 look-alike.
    static func readsAsNonString(_ text: [UInt8]) -> Bool {
        isYAML11LookAlike(text) || resolvesAsNonString(text, readsSignedBinaryDigits: true)
    }

    /// YAML 1.1 booleans (`yes`, `off`, …) and base-60 numbers (`1:20`), which the Go
    /// encoders quote for older readers although they resolve as strings.
    static func isYAML11LookAlike(_ text: [UInt8]) -> Bool {
        oldBooleans.contains(text) || isBase60Float(text)
    }

    /// Whether `resolve` reads `text` as something other than a string. yaml.v3 also
    /// reads `0b`/`0o` followed by a signed number (`0b-1`) as an integer;
    /// yaml/v4 dropped that (`readsSignedBinaryDigits` false).
    static func resolvesAsNonString(_ text: [UInt8], readsSignedBinaryDigits: Bool) -> Bool {
        guard let first = text.first else { return true }  // empty is null
        switch first {
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"),
            UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"),
            UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "~"):
            return specialWords.contains(text)
        case UInt8(ascii: "."):
            return specialWords.contains(text) || GoNumberSyntax.isFloat(text)
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            if specialWords.contains(text) || GoTimestampSyntax.isTimestamp(text) { return true }
            let plain = text.filter { $0 != UInt8(ascii: "_") }
            if GoNumberSyntax.isInteger(plain, base: 0, signed: true)
                || GoNumberSyntax.isInteger(plain, base: 0, signed: false)
            {
                return true
            }
            if GoNumberSyntax.isYAMLStyleFloat(plain) && GoNumberSyntax.isFloat(plain) { return true }
            guard readsSignedBinaryDigits else { return false }
            if plain.starts(with: Array("0b".utf8)) || plain.starts(with: Array("0o".utf8)) {
                return GoNumberSyntax.isInteger(
                    Array(plain.dropFirst(2)), base: plain[1] == UInt8(ascii: "b") ? 2 : 8, signed: true)
            }
            if plain.starts(with: Array("-0b".utf8)) || plain.starts(with: Array("-0o".utf8)) {
                return GoNumberSyntax.isInteger(
                    Array(plain.dropFirst(3)), base: plain[2] == UInt8(ascii: "b") ? 2 : 8, signed: true)
            }
            return false
        default:
            return false
        }
    }

    /// Words yaml.v3 resolves to booleans, null, infinities and NaN.
    private static let specialWords = ShortWords([
        "true", "True", "TRUE", "false", "False", "FALSE", "~", "null", "Null", "NULL",
        ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
    ])

    /// YAML 1.1 booleans that yaml.v3 quotes for older readers.
    private static let oldBooleans = ShortWords([
        "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "n", "N", "no", "No", "NO", "off", "Off", "OFF",
    ])

    /// `^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`
    private static func isBase60Float(_ text: [UInt8]) -> Bool {
        var scanner = ByteScanner(text)
        _ = scanner.take(UInt8(ascii: "+")) || scanner.take(UInt8(ascii: "-"))
        guard scanner.takeDigit() else { return false }
        while scanner.takeDigit() || scanner.take(UInt8(ascii: "_")) {}
        var groups = 0
        while scanner.take(UInt8(ascii: ":")) {
            guard let first = scanner.peek, ByteScanner.isDigit(first) else { return false }
            if first <= UInt8(ascii: "5"), let second = scanner.peek(at: 1), ByteScanner.isDigit(second) {
                scanner.skip(2)
            } else {
                scanner.skip(1)
            }
            groups += 1
        }
        guard groups > 0 else { return false }
        if scanner.take(UInt8(ascii: ".")) {
            while scanner.takeDigit() || scanner.take(UInt8(ascii: "_")) {}
        }
        return scanner.isAtEnd
    }
}

/// A cursor over ASCII bytes for the small recognisers of the writer.
struct ByteScanner {
    private let bytes: [UInt8]
    private(set) var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    var isAtEnd: Bool { index == bytes.count }
    var peek: UInt8? { peek(at: 0) }
    var remaining: ArraySlice<UInt8> { bytes[index...] }

    func peek(at offset: Int) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    mutating func skip(_ count: Int) { index = min(bytes.count, index + count) }

    mutating func take(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        index += 1
        return true
    }

    mutating func takeDigit() -> Bool {
        guard let byte = peek, Self.isDigit(byte) else { return false }
        index += 1
        return true
    }

    /// Takes a run of digits and returns how many there were.
    mutating func takeDigits() -> Int {
        let start = index
        while takeDigit() {}
        return index - start
    }
}

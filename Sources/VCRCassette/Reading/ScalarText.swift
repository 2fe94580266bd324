/// How Go's yaml.v3 reads a plain scalar's text into a typed field.
enum ScalarText {
    /// Whether the text of a plain scalar means null: empty, `~`, `null`, `Null` or `NULL`.
    static func isNull(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        switch text.count {
        case 0: return true
        case 1: return text[0] == UInt8(ascii: "~")
        case 4:
            return text.elementsEqual("null".utf8) || text.elementsEqual("Null".utf8) || text.elementsEqual("NULL".utf8)
        default: return false
        }
    }

    /// The integer Go's `strconv.ParseInt(text, 0, 64)` reads once yaml.v3 has dropped
    /// the underscores: an optional sign, then decimal digits, or `0x`, `0o`, `0b`
    /// or `0` (octal) and digits of that base. Nil for anything else or an overflow.
    static func integer(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
        var bytes = text.lazy.filter { $0 != UInt8(ascii: "_") }.makeIterator()
        var byte = bytes.next()
        var negative = false
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") {
            negative = byte == UInt8(ascii: "-")
            byte = bytes.next()
        }
        var radix: UInt64 = 10
        if byte == UInt8(ascii: "0") {
            byte = bytes.next()
            guard let prefix = byte else { return 0 }
            switch prefix | 0x20 {
            case UInt8(ascii: "x"): (radix, byte) = (16, bytes.next())
            case UInt8(ascii: "o"): (radix, byte) = (8, bytes.next())
            case UInt8(ascii: "b"): (radix, byte) = (2, bytes.next())
            default: radix = 8
            }
        }
        guard byte != nil else { return nil }
        var magnitude: UInt64 = 0
        while let current = byte {
            guard let digit = digitValue(current), digit < radix else { return nil }
            let (shifted, overflow) = magnitude.multipliedReportingOverflow(by: radix)
            guard !overflow, shifted <= (1 << 63) - digit else { return nil }
            magnitude = shifted + digit
            byte = bytes.next()
        }
        if negative { return magnitude == 1 << 63 ? .min : -Int64(magnitude) }
        return magnitude < 1 << 63 ? Int64(magnitude) : nil
    }

    /// The boolean yaml.v3 reads into a `bool` field: `true`/`false` in three cases,
    /// and YAML 1.1's `y`, `yes`, `on`, `n`, `no`, `off` in the same cases.
    static func boolean(_ text: UnsafeBufferPointer<UInt8>) -> Bool? {
        switch String(decoding: text, as: UTF8.self) {
        case "true", "True", "TRUE", "y", "Y", "yes", "Yes", "YES", "on", "On", "ON": true
        case "false", "False", "FALSE", "n", "N", "no", "No", "NO", "off", "Off", "OFF": false
        default: nil
        }
    }

    private static func digitValue(_ byte: UInt8) -> UInt64? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt64(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt64(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt64(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}

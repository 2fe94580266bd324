/// The number syntax of Go's `strconv`, as yaml.v3 uses it to resolve plain scalars.
enum GoNumberSyntax {
    /// Whether `strconv.ParseInt(text, base, 64)` (or `ParseUint` when not `signed`) succeeds.
    /// Base 0 reads the prefixes `0x`, `0o`, `0b` and a leading `0` for octal.
    static func isInteger(_ text: [UInt8], base: Int, signed: Bool) -> Bool {
        var digits = text[...]
        var negative = false
        if signed, let sign = digits.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty else { return false }
        var radix = base
        var prefixed = false
        if base == 0 {
            radix = 10
            if digits.first == UInt8(ascii: "0") {
                let marker = digits.count >= 3 ? digits[digits.startIndex + 1] | 0x20 : 0
                switch marker {
                case UInt8(ascii: "b"): radix = 2
                case UInt8(ascii: "o"): radix = 8
                case UInt8(ascii: "x"): radix = 16
                default: radix = 8
                }
                prefixed = marker == UInt8(ascii: "b") || marker == UInt8(ascii: "o") || marker == UInt8(ascii: "x")
                digits = digits.dropFirst(prefixed ? 2 : 1)
            }
        }
        let underscoresAllowed = base == 0
        var value: UInt64 = 0
        var sawUnderscore = false
        for byte in digits {
            if byte == UInt8(ascii: "_") && underscoresAllowed {
                sawUnderscore = true
                continue
            }
            let digit: UInt64
            let lower = byte | 0x20
            if ByteScanner.isDigit(byte) {
                digit = UInt64(byte - UInt8(ascii: "0"))
            } else if lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z") {
                digit = UInt64(lower - UInt8(ascii: "a") + 10)
            } else {
                return false
            }
            guard digit < UInt64(radix) else { return false }
            let (product, overflow) = value.multipliedReportingOverflow(by: UInt64(radix))
            let (sum, overflow2) = product.addingReportingOverflow(digit)
            guard !overflow, !overflow2 else { return false }
            value = sum
        }
        if sawUnderscore && !underscoresAreSeparators(text) { return false }
        guard signed else { return true }
        return negative ? value <= 1 << 63 : value < 1 << 63
    }

    /// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`
    static func isYAMLStyleFloat(_ text: [UInt8]) -> Bool {
        var scanner = ByteScanner(text)
        _ = scanner.take(UInt8(ascii: "+")) || scanner.take(UInt8(ascii: "-"))
        if scanner.take(UInt8(ascii: ".")) {
            guard scanner.takeDigits() > 0 else { return false }
        } else {
            guard scanner.takeDigits() > 0 else { return false }
            if scanner.take(UInt8(ascii: ".")) { _ = scanner.takeDigits() }
        }
        if scanner.take(UInt8(ascii: "e")) || scanner.take(UInt8(ascii: "E")) {
            _ = scanner.take(UInt8(ascii: "+")) || scanner.take(UInt8(ascii: "-"))
            guard scanner.takeDigits() > 0 else { return false }
        }
        return scanner.isAtEnd
    }

    /// Whether `strconv.ParseFloat(text, 64)` succeeds for a decimal number: digits with
    /// an optional point and exponent, underscores between digits, and no overflow to infinity.
    /// (The writer only asks about text that starts with a sign, a digit or a point.)
    static func isFloat(_ text: [UInt8]) -> Bool {
        var scanner = ByteScanner(text)
        _ = scanner.take(UInt8(ascii: "+")) || scanner.take(UInt8(ascii: "-"))
        var mantissaDigits = 0
        var sawPoint = false
        while let byte = scanner.peek {
            if ByteScanner.isDigit(byte) {
                mantissaDigits += 1
            } else if byte == UInt8(ascii: ".") && !sawPoint {
                sawPoint = true
            } else if byte != UInt8(ascii: "_") {
                break
            }
            scanner.skip(1)
        }
        guard mantissaDigits > 0 else { return false }
        if scanner.take(UInt8(ascii: "e")) || scanner.take(UInt8(ascii: "E")) {
            _ = scanner.take(UInt8(ascii: "+")) || scanner.take(UInt8(ascii: "-"))
            var exponentDigits = 0
            while let byte = scanner.peek, ByteScanner.isDigit(byte) || byte == UInt8(ascii: "_") {
                if byte != UInt8(ascii: "_") { exponentDigits += 1 }
                scanner.skip(1)
            }
            guard exponentDigits > 0 else { return false }
        }
        guard scanner.isAtEnd else { return false }
        if text.contains(UInt8(ascii: "_")) && !underscoresAreSeparators(text) { return false }
        let decimal = String(decoding: text.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
        guard let value = Double(decimal) else { return false }
        return value.isFinite
    }

    /// Go's `underscoreOK`: underscores only between digits, or between a base prefix and a digit.
    private static func underscoresAreSeparators(_ text: [UInt8]) -> Bool {
        var bytes = text[...]
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        var saw: UInt8 = UInt8(ascii: "^")
        var hex = false
        if bytes.count >= 2, bytes.first == UInt8(ascii: "0") {
            let marker = bytes[bytes.startIndex + 1] | 0x20
            if marker == UInt8(ascii: "b") || marker == UInt8(ascii: "o") || marker == UInt8(ascii: "x") {
                bytes = bytes.dropFirst(2)
                saw = UInt8(ascii: "0")
                hex = marker == UInt8(ascii: "x")
            }
        }
        for byte in bytes {
            let lower = byte | 0x20
            if ByteScanner.isDigit(byte) || hex && lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f") {
                saw = UInt8(ascii: "0")
            } else if byte == UInt8(ascii: "_") {
                guard saw == UInt8(ascii: "0") else { return false }
                saw = UInt8(ascii: "_")
            } else {
                guard saw != UInt8(ascii: "_") else { return false }
                saw = UInt8(ascii: "!")
            }
        }
        return saw != UInt8(ascii: "_")
    }
}

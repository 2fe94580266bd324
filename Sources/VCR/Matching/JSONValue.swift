/// A parsed JSON document, compared by value.
///
/// Objects ignore key order, numbers compare by their exact decimal value
/// (`1.0 == 1`, `1e2 == 100`), and strings compare after escapes are decoded
/// (`"\u00e9" == "é"`). Unlike `JSONSerialization` on Linux, `true` never equals `1`.
enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
}

/// A JSON number as an exact decimal: `significand × 10^exponent`.
///
/// The significand's digits carry no leading or trailing zeros, so equal
/// values have equal representations whatever their spelling.
struct JSONNumber: Hashable, Sendable, CustomStringConvertible {
    /// Whether the value is below zero; false for zero.
    var isNegative: Bool
    /// Decimal digits (ASCII), without leading or trailing zeros; empty for zero.
    var digits: [UInt8]
    /// The power of ten the digits are multiplied by.
    var exponent: Int

    /// Builds the canonical form from raw digits and an exponent.
    init(isNegative: Bool, digits: UnsafeBufferPointer<UInt8>, exponent: Int) {
        let (significant, exponent) = Self.significant(digits, exponent: exponent)
        self.isNegative = isNegative && !significant.isEmpty
        self.digits = Array(significant)
        self.exponent = exponent
    }

    /// The digits without leading or trailing zeros, and the exponent that
    /// keeps their value (0 when no digit is left).
    static func significant(
        _ digits: UnsafeBufferPointer<UInt8>, exponent: Int
    ) -> (digits: Slice<UnsafeBufferPointer<UInt8>>, exponent: Int) {
        let zero = UInt8(ascii: "0")
        guard let first = digits.firstIndex(where: { $0 != zero }) else { return (digits[0..<0], 0) }
        var end = digits.endIndex
        var exponent = exponent
        while digits[end - 1] == zero {
            end -= 1
            exponent += 1
        }
        return (digits[first..<end], exponent)
    }

    /// The number in plain decimal notation when that stays short, otherwise in
    /// scientific notation (`1.5e+300`).
    var description: String {
        guard !digits.isEmpty else { return "0" }
        let sign = isNegative ? "-" : ""
        let text = String(decoding: digits, as: UTF8.self)
        let pointPosition = digits.count + exponent  // digits before the decimal point
        if exponent >= 0, pointPosition <= 21 {
            return sign + text + String(repeating: "0", count: exponent)
        }
        if exponent < 0, pointPosition > 0 {
            let split = text.index(text.startIndex, offsetBy: pointPosition)
            return sign + text[..<split] + "." + text[split...]
        }
        if exponent < 0, pointPosition > -6 {
            return sign + "0." + String(repeating: "0", count: -pointPosition) + text
        }
        let mantissa = digits.count == 1 ? text : String(text.prefix(1)) + "." + text.dropFirst()
        let power = pointPosition - 1
        return sign + mantissa + "e" + (power < 0 ? "-" : "+") + String(power.magnitude)
    }
}

/// Builds the ``JSONValue`` a ``JSONParser`` reads.
struct JSONTree: JSONBuilder {
    func null() -> JSONValue { .null }

    func bool(_ value: Bool) -> JSONValue { .bool(value) }

    func number(isNegative: Bool, digits: UnsafeBufferPointer<UInt8>, exponent: Int) -> JSONValue {
        .number(JSONNumber(isNegative: isNegative, digits: digits, exponent: exponent))
    }

    func string(_ bytes: UnsafeBufferPointer<UInt8>) -> JSONValue { .string(key(bytes)) }

    func key(_ bytes: UnsafeBufferPointer<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    func startArray() -> [JSONValue] { [] }

    func append(_ element: JSONValue, to array: inout [JSONValue]) { array.append(element) }

    func finish(_ array: [JSONValue]) -> JSONValue { .array(array) }

    func startObject() -> [String: JSONValue] { [:] }

    /// A name given twice keeps its last value, as most decoders do.
    func add(_ key: String, _ value: JSONValue, to object: inout [String: JSONValue]) { object[key] = value }

    func finish(_ object: [String: JSONValue]) -> JSONValue { .object(object) }
}

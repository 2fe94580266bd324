/// A span of time in nanoseconds, parsed and formatted exactly as Go's `time.Duration`.
///
/// Cassettes store a response's duration as Go writes it: `1.1473735s`,
/// `999.347125ms`, `755.667µs`, `1m18.00699275s`, `0s`.
public struct GoDuration: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The length in nanoseconds.
    public var nanoseconds: Int64

    /// Creates a duration from nanoseconds.
    public init(nanoseconds: Int64) {
        self.nanoseconds = nanoseconds
    }

    /// Creates a duration from a Swift `Duration`, truncated to nanoseconds and clamped to Go's range.
    public init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let (sum, overflow2) = product.addingReportingOverflow(attoseconds / 1_000_000_000)
        if overflow || overflow2 {
            nanoseconds = seconds < 0 ? .min : .max
        } else {
            nanoseconds = sum
        }
    }

    /// Parses Go's duration syntax: an optional sign, then one or more decimal
    /// numbers each followed by a unit (`ns`, `us`, `µs`, `μs`, `ms`, `s`, `m`, `h`).
    ///
    /// Returns nil for text that `time.ParseDuration` rejects.
    public init?(_ text: some StringProtocol) {
        guard let nanoseconds = Self.parse(Array(text.utf8)) else { return nil }
        self.nanoseconds = nanoseconds
    }

    /// A zero-length duration, written `0s`.
    public static let zero = GoDuration(nanoseconds: 0)

    /// The duration as a Swift `Duration`.
    public var duration: Duration { .nanoseconds(nanoseconds) }

    /// The duration as Go's `Duration.String()` writes it.
    public var description: String {
        var magnitude = nanoseconds.magnitude
        var text: [UInt8] = []
        if magnitude < 1_000_000_000 {
            let unit: String
            let precision: Int
            switch magnitude {
            case 0: return "0s"
            case ..<1_000: (unit, precision) = ("ns", 0)
            case ..<1_000_000: (unit, precision) = ("µs", 3)
            default: (unit, precision) = ("ms", 6)
            }
            text = Self.digits(of: magnitude, precision: precision) + Array(unit.utf8)
        } else {
            text = Self.digits(of: magnitude % 60_000_000_000, precision: 9) + [UInt8(ascii: "s")]
            magnitude /= 60_000_000_000
            if magnitude > 0 {
                text = Array(String(magnitude % 60).utf8) + [UInt8(ascii: "m")] + text
                magnitude /= 60
                if magnitude > 0 {
                    text = Array(String(magnitude).utf8) + [UInt8(ascii: "h")] + text
                }
            }
        }
        if nanoseconds < 0 { text.insert(UInt8(ascii: "-"), at: 0) }
        return String(decoding: text, as: UTF8.self)
    }

    public static func < (lhs: GoDuration, rhs: GoDuration) -> Bool {
        lhs.nanoseconds < rhs.nanoseconds
    }

    /// `value / 10^precision` in decimal, without trailing fractional zeros (Go's `fmtFrac` + `fmtInt`).
    private static func digits(of value: UInt64, precision: Int) -> [UInt8] {
        var integer = value
        var fraction: [UInt8] = []
        var printing = false
        for _ in 0..<precision {
            let digit = UInt8(integer % 10)
            printing = printing || digit != 0
            if printing { fraction.insert(UInt8(ascii: "0") + digit, at: 0) }
            integer /= 10
        }
        let whole = Array(String(integer).utf8)
        return fraction.isEmpty ? whole : whole + [UInt8(ascii: ".")] + fraction
    }

    private static let units: [(name: [UInt8], nanoseconds: UInt64)] = [
        (Array("ns".utf8), 1),
        (Array("us".utf8), 1_000),
        (Array("µs".utf8), 1_000),  // U+00B5 micro sign
        (Array("μs".utf8), 1_000),  // U+03BC Greek small letter mu
        (Array("ms".utf8), 1_000_000),
        (Array("s".utf8), 1_000_000_000),
        (Array("m".utf8), 60_000_000_000),
        (Array("h".utf8), 3_600_000_000_000),
    ]

    /// A port of Go's `time.ParseDuration`.
    private static func parse(_ text: [UInt8]) -> Int64? {
        let limit: UInt64 = 1 << 63
        var index = 0
        var negative = false
        if let sign = text.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            index = 1
        }
        if text[index...].elementsEqual([UInt8(ascii: "0")]) { return 0 }
        guard index < text.count else { return nil }
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        var total: UInt64 = 0
        while index < text.count {
            guard text[index] == UInt8(ascii: ".") || isDigit(text[index]) else { return nil }
            var whole: UInt64 = 0
            let wholeStart = index
            while index < text.count, isDigit(text[index]) {
                guard whole <= limit / 10 else { return nil }
                whole = whole * 10 + UInt64(text[index] - UInt8(ascii: "0"))
                guard whole <= limit else { return nil }
                index += 1
            }
            let hasWhole = index != wholeStart
            var fraction: UInt64 = 0
            var scale: Double = 1
            var hasFraction = false
            if index < text.count, text[index] == UInt8(ascii: ".") {
                index += 1
                let fractionStart = index
                var overflow = false
                while index < text.count, isDigit(text[index]) {
                    defer { index += 1 }
                    if overflow { continue }
                    guard fraction <= (limit - 1) / 10 else { overflow = true; continue }
                    let next = fraction * 10 + UInt64(text[index] - UInt8(ascii: "0"))
                    guard next <= limit else { overflow = true; continue }
                    fraction = next
                    scale *= 10
                }
                hasFraction = index != fractionStart
            }
            guard hasWhole || hasFraction else { return nil }
            let unitStart = index
            while index < text.count, text[index] != UInt8(ascii: "."), !isDigit(text[index]) {
                index += 1
            }
            let name = text[unitStart..<index]
            guard let unit = units.first(where: { $0.name.elementsEqual(name) })?.nanoseconds,
                whole <= limit / unit
            else { return nil }
            var value = whole * unit
            if fraction > 0 {
                value += UInt64(Double(fraction) * (Double(unit) / scale))
                guard value <= limit else { return nil }
            }
            let (sum, overflow) = total.addingReportingOverflow(value)
            guard !overflow, sum <= limit else { return nil }
            total = sum
        }
        if negative { return total == limit ? .min : -Int64(total) }
        guard total <= limit - 1 else { return nil }
        return Int64(total)
    }
}

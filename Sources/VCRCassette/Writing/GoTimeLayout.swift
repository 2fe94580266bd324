/// Go's `time.Parse` of the date-and-time layouts the Go YAML writers resolve:
/// a date, optionally a time after a separator, a fraction and a zone, range checks included.
///
/// yaml.v3 (``GoTimestampSyntax``) writes its layouts with one-digit fields
/// (`2006-1-2T15:4:5`), goccy (``GoccyTimestampSyntax``) with zero-padded ones
/// (`2006-01-02T15:04:05`); the hour is `15` in both.
enum GoTimeLayout {
    /// Whether all of `text` is a date in the layout described: `separator`
    /// (when given) followed by the time, then a zone when `zone`; `zeroPadded`
    /// fields (month, day, minute, second) must have two digits.
    static func matches(_ text: [UInt8], separator: UInt8?, zone: Bool, zeroPadded: Bool) -> Bool {
        guard text.count >= 5, text.prefix(4).allSatisfy(ByteScanner.isDigit) else { return false }
        var scanner = ByteScanner(text)
        let year = number(text.prefix(4))
        scanner.skip(4)
        guard scanner.take(UInt8(ascii: "-")),
            let month = takeNumber(&scanner, fixed: zeroPadded), (1...12).contains(month),
            scanner.take(UInt8(ascii: "-")),
            let day = takeNumber(&scanner, fixed: zeroPadded), day >= 1
        else { return false }
        if let separator {
            guard scanner.take(separator),
                let hour = takeNumber(&scanner, fixed: false), hour < 24, scanner.take(UInt8(ascii: ":")),
                let minute = takeNumber(&scanner, fixed: zeroPadded), minute < 60, scanner.take(UInt8(ascii: ":")),
                let second = takeNumber(&scanner, fixed: zeroPadded), second < 60
            else { return false }
            if let mark = scanner.peek, mark == UInt8(ascii: ".") || mark == UInt8(ascii: ","),
                let digit = scanner.peek(at: 1), ByteScanner.isDigit(digit)
            {
                scanner.skip(1)
                _ = scanner.takeDigits()
            }
            if zone && !takeZone(&scanner) { return false }
        }
        return scanner.isAtEnd && day <= daysIn(month: month, year: year)
    }

    /// Go's `getnum`: two digits when `fixed`, otherwise one, or two when the second is a digit.
    static func takeNumber(_ scanner: inout ByteScanner, fixed: Bool) -> Int? {
        guard let first = scanner.peek, ByteScanner.isDigit(first) else { return nil }
        if let second = scanner.peek(at: 1), ByteScanner.isDigit(second) {
            scanner.skip(2)
            return Int(first - UInt8(ascii: "0")) * 10 + Int(second - UInt8(ascii: "0"))
        }
        guard !fixed else { return nil }
        scanner.skip(1)
        return Int(first - UInt8(ascii: "0"))
    }

    /// `Z`, or `±hh:mm` with hours up to 24 and minutes up to 60 (Go's own limits).
    private static func takeZone(_ scanner: inout ByteScanner) -> Bool {
        if scanner.take(UInt8(ascii: "Z")) { return true }
        let zone = Array(scanner.remaining.prefix(6))
        guard zone.count == 6, zone[0] == UInt8(ascii: "+") || zone[0] == UInt8(ascii: "-"),
            zone[3] == UInt8(ascii: ":"),
            [1, 2, 4, 5].allSatisfy({ ByteScanner.isDigit(zone[$0]) }),
            number(zone[1...2]) <= 24, number(zone[4...5]) <= 60
        else { return false }
        scanner.skip(6)
        return true
    }

    private static func number(_ digits: some Collection<UInt8>) -> Int {
        digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// The timestamps goccy quotes: Go's `time.Parse` with `2006-01-02T15:04:05.999999999Z07:00`
/// (also with a lower-case `t`), `2006-01-02 15:04:05`, `2006-01-02` and `15:4`.
enum GoccyTimestampSyntax {
    static func isTimestamp(_ text: [UInt8]) -> Bool {
        if isClock(text) { return true }
        return parse(text, separator: UInt8(ascii: "T"), zone: true) || parse(text, separator: UInt8(ascii: "t"), zone: true)
            || parse(text, separator: UInt8(ascii: " "), zone: false) || parse(text, separator: nil, zone: false)
    }

    /// `15:4`: an hour and a minute of one or two digits each.
    private static func isClock(_ text: [UInt8]) -> Bool {
        var scanner = ByteScanner(text)
        guard let hour = takeNumber(&scanner, fixed: false), hour < 24, scanner.take(UInt8(ascii: ":")),
            let minute = takeNumber(&scanner, fixed: false), minute < 60
        else { return false }
        return scanner.isAtEnd
    }

    private static func parse(_ text: [UInt8], separator: UInt8?, zone: Bool) -> Bool {
        var scanner = ByteScanner(text)
        guard text.count >= 10, text.prefix(4).allSatisfy(ByteScanner.isDigit) else { return false }
        let year = number(text.prefix(4))
        scanner.skip(4)
        guard scanner.take(UInt8(ascii: "-")), let month = takeNumber(&scanner, fixed: true), (1...12).contains(month),
            scanner.take(UInt8(ascii: "-")), let day = takeNumber(&scanner, fixed: true)
        else { return false }
        if let separator {
            guard scanner.take(separator),
                let hour = takeNumber(&scanner, fixed: false), hour < 24, scanner.take(UInt8(ascii: ":")),
                let minute = takeNumber(&scanner, fixed: true), minute < 60, scanner.take(UInt8(ascii: ":")),
                let second = takeNumber(&scanner, fixed: true), second < 60
            else { return false }
            if let mark = scanner.peek, mark == UInt8(ascii: ".") || mark == UInt8(ascii: ","),
                let digit = scanner.peek(at: 1), ByteScanner.isDigit(digit)
            {
                scanner.skip(1)
                _ = scanner.takeDigits()
            }
            if zone && !takeZone(&scanner) { return false }
        }
        return scanner.isAtEnd && day >= 1 && day <= daysIn(month: month, year: year)
    }

    /// Go's `getnum`: two digits when `fixed`, otherwise one, or two when the second is a digit.
    private static func takeNumber(_ scanner: inout ByteScanner, fixed: Bool) -> Int? {
        guard let first = scanner.peek, ByteScanner.isDigit(first) else { return nil }
        if let second = scanner.peek(at: 1), ByteScanner.isDigit(second) {
            scanner.skip(2)
            return Int(first - UInt8(ascii: "0")) * 10 + Int(second - UInt8(ascii: "0"))
        }
        guard !fixed else { return nil }
        scanner.skip(1)
        return Int(first - UInt8(ascii: "0"))
    }

    /// `Z`, or `±hh:mm` with hours up to 24 and minutes up to 60.
    private static func takeZone(_ scanner: inout ByteScanner) -> Bool {
        if scanner.take(UInt8(ascii: "Z")) { return true }
        let zone = Array(scanner.remaining.prefix(6))
        guard zone.count == 6, zone[0] == UInt8(ascii: "+") || zone[0] == UInt8(ascii: "-"), zone[3] == UInt8(ascii: ":"),
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

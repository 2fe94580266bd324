/// The timestamps goccy quotes: Go's `time.Parse` with `2006-01-02T15:04:05.999999999Z07:00`
/// (also with a lower-case `t`), `2006-01-02 15:04:05`, `2006-01-02` and `15:4`.
enum GoccyTimestampSyntax {
    /// Whether `text` parses as one of the layouts goccy quotes.
    static func isTimestamp(_ text: [UInt8]) -> Bool {
        if isClock(text) { return true }
        return GoTimeLayout.matches(text, separator: UInt8(ascii: "T"), zone: true, zeroPadded: true)
            || GoTimeLayout.matches(text, separator: UInt8(ascii: "t"), zone: true, zeroPadded: true)
            || GoTimeLayout.matches(text, separator: UInt8(ascii: " "), zone: false, zeroPadded: true)
            || GoTimeLayout.matches(text, separator: nil, zone: false, zeroPadded: true)
    }

    /// `15:4`: an hour and a minute of one or two digits each.
    private static func isClock(_ text: [UInt8]) -> Bool {
        var scanner = ByteScanner(text)
        guard let hour = GoTimeLayout.takeNumber(&scanner, fixed: false), hour < 24, scanner.take(UInt8(ascii: ":")),
            let minute = GoTimeLayout.takeNumber(&scanner, fixed: false), minute < 60
        else { return false }
        return scanner.isAtEnd
    }
}

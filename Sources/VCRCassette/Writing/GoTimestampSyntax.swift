/// The timestamps yaml.v3 resolves in plain scalars: Go's `time.Parse` with the
/// layouts `2006-1-2T15:4:5.999999999Z07:00` (also with a lower-case `t`),
/// `2006-1-2 15:4:5.999999999` and `2006-1-2`, range checks included.
enum GoTimestampSyntax {
    /// Whether `text` parses as one of yaml.v3's timestamp layouts.
    static func isTimestamp(_ text: [UInt8]) -> Bool {
        GoTimeLayout.matches(text, separator: UInt8(ascii: "T"), zone: true, zeroPadded: false)
            || GoTimeLayout.matches(text, separator: UInt8(ascii: "t"), zone: true, zeroPadded: false)
            || GoTimeLayout.matches(text, separator: UInt8(ascii: " "), zone: false, zeroPadded: false)
            || GoTimeLayout.matches(text, separator: nil, zone: false, zeroPadded: false)
    }
}

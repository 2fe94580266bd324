/// What libyaml's emitter (`yaml_emitter_analyze_scalar`) learns about a text
/// before it decides which scalar styles can hold it.
struct ScalarAnalysis {
    /// The text contains a line break (LF, CR, NEL, LS or PS).
    private(set) var isMultiline = false
    /// A plain scalar in block context would read back the same.
    private(set) var allowsPlain = true
    /// A single-quoted scalar would read back the same.
    private(set) var allowsSingleQuoted = true
    /// A literal block scalar would read back the same.
    private(set) var allowsBlock = true

    init(_ text: [UInt8]) {
        guard !text.isEmpty else {
            allowsBlock = false
            return
        }
        var blockIndicators = false
        var lineBreaks = false
        var special = false
        var tabs = false
        var leadingSpace = false
        var leadingBreak = false
        var trailingSpace = false
        var trailingBreak = false
        var breakSpace = false
        var spaceBreak = false
        var previousSpace = false
        var previousBreak = false
        var precededByWhitespace = true

        if text.count >= 3, text.starts(with: Self.documentStart) || text.starts(with: Self.documentEnd) {
            blockIndicators = true
        }
        // Read from the array's buffer, without a bounds check a byte: every read
        // below is at an index under `text.count` (UTF8Text checks its look-aheads).
        text.withUnsafeBufferPointer { text in
            var index = 0
            while index < text.count {
                let byte = text[index]
                if index > 0, byte > 0x20, byte < 0x7F, byte != UInt8(ascii: ":"), byte != UInt8(ascii: "#") {
                    // Printable ASCII past the first byte, no blank and no indicator: it
                    // sets nothing but what follows it, as the general case below would.
                    previousSpace = false
                    previousBreak = false
                    precededByWhitespace = false
                    index += 1
                    continue
                }
                let width = UTF8Text.width(of: byte)
                let next = index + width
                let followedByWhitespace = next >= text.count || UTF8Text.isBlank(text, at: next)
                if index == 0 {
                    switch byte {
                    case UInt8(ascii: "#"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
                        UInt8(ascii: "}"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
                        UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
                        UInt8(ascii: "`"):
                        blockIndicators = true
                    case UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "-"):
                        if followedByWhitespace { blockIndicators = true }
                    default:
                        break
                    }
                } else if byte == UInt8(ascii: ":") && followedByWhitespace
                    || byte == UInt8(ascii: "#") && precededByWhitespace
                {
                    blockIndicators = true
                }

                if byte == UInt8(ascii: "\t") {
                    tabs = true
                } else if !UTF8Text.isPrintable(text, at: index) {
                    special = true
                }
                if byte == UInt8(ascii: " ") {
                    if index == 0 { leadingSpace = true }
                    if next == text.count { trailingSpace = true }
                    if previousBreak { breakSpace = true }
                    previousSpace = true
                    previousBreak = false
                } else if UTF8Text.isBreak(text, at: index) {
                    lineBreaks = true
                    if index == 0 { leadingBreak = true }
                    if next == text.count { trailingBreak = true }
                    if previousSpace { spaceBreak = true }
                    previousSpace = false
                    previousBreak = true
                } else {
                    previousSpace = false
                    previousBreak = false
                }
                precededByWhitespace = UTF8Text.isBlank(text, at: index) || UTF8Text.isBreak(text, at: index)
                index = next
            }
        }

        isMultiline = lineBreaks
        if leadingSpace || leadingBreak || trailingSpace || trailingBreak || lineBreaks || blockIndicators {
            allowsPlain = false
        }
        if trailingSpace { allowsBlock = false }
        if breakSpace || spaceBreak || tabs || special {
            allowsPlain = false
            allowsSingleQuoted = false
        }
        if spaceBreak || special { allowsBlock = false }
    }

    private static let documentStart = Array("---".utf8)
    private static let documentEnd = Array("...".utf8)
}

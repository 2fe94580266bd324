/// Character classes of libyaml's emitter, on UTF-8 bytes.
enum UTF8Text {
    /// The byte length of the character that starts with `lead`.
    @inline(__always)
    static func width(of lead: UInt8) -> Int {
        switch lead {
        case ..<0x80: return 1
        case 0xC0..<0xE0: return 2
        case 0xE0..<0xF0: return 3
        default: return 4
        }
    }

    /// A space or a tab.
    @inline(__always)
    static func isBlank<Text: RandomAccessCollection<UInt8>>(_ text: Text, at index: Int) -> Bool
    where Text.Index == Int {
        text[index] == UInt8(ascii: " ") || text[index] == UInt8(ascii: "\t")
    }

    /// LF, CR, NEL (U+0085), LS (U+2028) or PS (U+2029).
    @inline(__always)
    static func isBreak<Text: RandomAccessCollection<UInt8>>(_ text: Text, at index: Int) -> Bool
    where Text.Index == Int {
        switch text[index] {
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"): return true
        case 0xC2: return byte(text, index + 1) == 0x85
        case 0xE2:
            return byte(text, index + 1) == 0x80 && (byte(text, index + 2) == 0xA8 || byte(text, index + 2) == 0xA9)
        default: return false
        }
    }

    /// LF, 0x20–0x7E, U+00A0–U+D7FF and U+E000–U+FFFD except U+FEFF.
    @inline(__always)
    static func isPrintable<Text: RandomAccessCollection<UInt8>>(_ text: Text, at index: Int) -> Bool
    where Text.Index == Int {
        let lead = text[index]
        switch lead {
        case 0x0A, 0x20...0x7E: return true
        case 0xC2: return byte(text, index + 1) >= 0xA0
        case 0xC3..<0xED, 0xEE: return true
        case 0xED: return byte(text, index + 1) < 0xA0
        case 0xEF:
            let second = byte(text, index + 1)
            let third = byte(text, index + 2)
            return !(second == 0xBB && third == 0xBF) && !(second == 0xBF && (third == 0xBE || third == 0xBF))
        default: return false
        }
    }

    /// Whether `bytes` is valid UTF-8 as Go's `utf8.Valid` defines it.
    static func isValid(_ bytes: some Collection<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    @inline(__always)
    private static func byte<Text: RandomAccessCollection<UInt8>>(_ text: Text, _ index: Int) -> UInt8
    where Text.Index == Int {
        index < text.endIndex ? text[index] : 0
    }
}

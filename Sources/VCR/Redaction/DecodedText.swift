import Foundation

/// Bytes with one layer of escaping decoded (JSON string escapes or percent
/// escapes), each decoded byte optionally mapped back to the source bytes it
/// came from, so that what is found in the decoded text can be masked in the
/// original one.
struct DecodedText {
    /// The decoded bytes.
    private(set) var bytes: [UInt8]
    /// For each decoded byte, where its source starts and ends in the
    /// original text; nil when not tracked (the scan needs no positions).
    private(set) var sources: [Range<Int>]?

    /// The text itself, undecoded.
    init(_ bytes: [UInt8], tracksSources: Bool) {
        self.bytes = bytes
        sources = tracksSources ? bytes.indices.map { $0..<($0 + 1) } : nil
    }

    private init(bytes: [UInt8], sources: [Range<Int>]?) {
        self.bytes = bytes
        self.sources = sources
    }

    /// Where the decoded bytes `range` came from in the original text.
    func source(of range: Range<Int>) -> Range<Int> {
        guard let sources, !range.isEmpty else { return range }
        return sources[range.lowerBound].lowerBound..<sources[range.upperBound - 1].upperBound
    }

    /// Whether the text holds `byte`.
    func contains(_ byte: UInt8) -> Bool { Self.position(of: byte, in: bytes, from: 0) != nil }

    /// The first position of `byte` in `bytes` at or after `start`, found by `memchr`.
    private static func position(of byte: UInt8, in bytes: [UInt8], from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, let hit = memchr(base + start, Int32(byte), buffer.count - start)
            else { return nil }
            return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
        }
    }

    /// Finds, from left to right, the next byte among a few that start an
    /// escape, each looked up again only once passed.
    private struct EscapeStarts {
        private let bytes: [UInt8]
        private let targets: [UInt8]
        private var next: [Int]

        init(_ bytes: [UInt8], targets: [UInt8]) {
            self.bytes = bytes
            self.targets = targets
            next = targets.map { DecodedText.position(of: $0, in: bytes, from: 0) ?? bytes.count }
        }

        /// The first position at or after `index` holding one of the targets; the text's end if none does.
        mutating func first(from index: Int) -> Int {
            for offset in next.indices where next[offset] < index {
                next[offset] = DecodedText.position(of: targets[offset], in: bytes, from: index) ?? bytes.count
            }
            return next.min() ?? bytes.count
        }
    }

    /// The text with its JSON string escapes decoded: `\/`, `\"`, `\\`, `\n`
    /// and the other one-letter escapes, and `\uXXXX` (either case, surrogate
    /// pairs joined) as UTF-8. Malformed escapes stay as they are.
    func decodingJSONEscapes() -> DecodedText {
        decodingEscapes(startingWith: [UInt8(ascii: "\\")]) { index, output in
            if index + 1 < bytes.count, let simple = Self.simpleEscape(bytes[index + 1]) {
                output.append(simple, from: index..<(index + 2))
                return 2
            }
            if let (scalar, length) = unicodeEscape(at: index) {
                for byte in String(Character(scalar)).utf8 { output.append(byte, from: index..<(index + length)) }
                return length
            }
            output.append(bytes[index], from: index..<(index + 1))
            return 1
        }
    }

    /// The text with its percent escapes (either case) decoded, and `+` read
    /// as a space when `plusIsSpace`. Malformed escapes stay as they are.
    func decodingPercentEscapes(plusIsSpace: Bool) -> DecodedText {
        let targets = plusIsSpace ? [UInt8(ascii: "%"), UInt8(ascii: "+")] : [UInt8(ascii: "%")]
        return decodingEscapes(startingWith: targets) { index, output in
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.count, let high = bytes[index + 1].hexDigitValue,
                let low = bytes[index + 2].hexDigitValue
            {
                output.append(high << 4 | low, from: index..<(index + 3))
                return 3
            }
            output.append(
                plusIsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte, from: index..<(index + 1))
            return 1
        }
    }

    /// The text with the escapes that start at one of `targets` decoded: the
    /// bytes between them are copied as they are, and `decode` appends what
    /// the escape at an index stands for and returns how many bytes it took.
    private func decodingEscapes(startingWith targets: [UInt8], _ decode: (Int, inout Builder) -> Int) -> DecodedText {
        var output = Builder(capacity: bytes.count, tracks: sources != nil)
        var starts = EscapeStarts(bytes, targets: targets)
        var index = 0
        while index < bytes.count {
            let next = starts.first(from: index)
            if next > index {
                output.append(bytes, verbatim: index..<next)
                index = next
                continue
            }
            index += decode(index, &output)
        }
        return output.text(over: self)
    }

    /// The scalar of a `\uXXXX` escape (or a `\uXXXX\uXXXX` surrogate pair)
    /// at `index`, and the escape's length in bytes.
    private func unicodeEscape(at index: Int) -> (Unicode.Scalar, Int)? {
        guard let unit = codeUnit(at: index) else { return nil }
        if let scalar = Unicode.Scalar(unit) { return (scalar, 6) }
        guard (0xD800...0xDBFF).contains(unit), let low = codeUnit(at: index + 6), (0xDC00...0xDFFF).contains(low),
            let scalar = Unicode.Scalar(0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00))
        else { return nil }
        return (scalar, 12)
    }

    /// The code unit of a `\uXXXX` escape at `index`.
    private func codeUnit(at index: Int) -> UInt16? {
        guard index + 5 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
        else { return nil }
        var unit: UInt16 = 0
        for offset in 2..<6 {
            guard let digit = bytes[index + offset].hexDigitValue else { return nil }
            unit = unit << 4 | UInt16(digit)
        }
        return unit
    }

    private static func simpleEscape(_ letter: UInt8) -> UInt8? {
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): letter
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
    }

    /// Collects decoded bytes and, when tracked, the range of this layer's
    /// bytes each came from.
    private struct Builder {
        var bytes: [UInt8] = []
        var ranges: [Range<Int>]?

        init(capacity: Int, tracks: Bool) {
            bytes.reserveCapacity(capacity)
            if tracks {
                ranges = []
                ranges?.reserveCapacity(capacity)
            }
        }

        mutating func append(_ byte: UInt8, from range: Range<Int>) {
            bytes.append(byte)
            ranges?.append(range)
        }

        /// Appends `source[range]` as it is, in one copy when positions are not tracked.
        mutating func append(_ source: [UInt8], verbatim range: Range<Int>) {
            bytes += source[range]
            if ranges != nil { ranges? += range.map { $0..<($0 + 1) } }
        }

        /// The decoded text, its positions composed with those of `layer` so
        /// that they point into the original text.
        func text(over layer: DecodedText) -> DecodedText {
            DecodedText(bytes: bytes, sources: ranges.map { $0.map(layer.source(of:)) })
        }
    }
}

import Foundation

/// Turns libyaml's character indices into lines and columns as editors count
/// them, reading the input forward once however many positions are asked for.
///
/// libyaml's own line numbers also break lines at U+0085, U+2028 and U+2029,
/// which cassettes hold raw in literal blocks; editors break only at `\n`,
/// `\r\n` and `\r`. Columns count characters; a byte order mark is not one.
struct SourceCounter {
    private let input: YAMLInput
    /// The file's bytes read last; allocated at the first read.
    private var chunk: [UInt8] = []
    /// The input's offset of `chunk[0]`, and how many bytes of `chunk` hold input.
    private var chunkStart = 0
    private var chunkCount = 0
    /// The offset of the next byte to count.
    private var offset = 0
    private var characters = 0
    private var previous: UInt8 = 0
    /// The 0-based line and column of the character at `characters`.
    private var line = 0
    private var column = 0
    private var skipsByteOrderMark: Bool?

    /// Counts over `input`, which must stay valid while the counter is used.
    init(input: YAMLInput) {
        self.input = input
    }

    /// The 0-based line and column of the character at `index` (0-based, as libyaml counts).
    mutating func position(ofCharacterAt index: Int) -> (line: Int, column: Int) {
        if skipsByteOrderMark == nil {
            skipsByteOrderMark = byte(at: 0) == 0xEF && byte(at: 1) == 0xBB && byte(at: 2) == 0xBF
            if skipsByteOrderMark == true { offset = 3 }
        }
        if index < characters {
            (offset, characters, previous, line, column) = (skipsByteOrderMark == true ? 3 : 0, 0, 0, 0, 0)
        }
        while let byte = byte(at: offset) {
            let startsCharacter = byte & 0xC0 != 0x80
            if startsCharacter {
                if characters == index { break }
                characters += 1
            }
            offset += 1
            if byte == UInt8(ascii: "\n") {
                if previous != UInt8(ascii: "\r") { line += 1 }
                column = 0
            } else if byte == UInt8(ascii: "\r") {
                line += 1
                column = 0
            } else if startsCharacter {
                column += 1
            }
            previous = byte
        }
        return (line, column)
    }

    /// The input's byte at `position`, or nil past its end.
    private mutating func byte(at position: Int) -> UInt8? {
        switch input {
        case .bytes(let bytes):
            return position < bytes.count ? bytes[position] : nil
        case .file(let descriptor):
            if position < chunkStart || position >= chunkStart + chunkCount {
                if chunk.isEmpty { chunk = [UInt8](repeating: 0, count: 65_536) }
                let count = chunk.withUnsafeMutableBytes { buffer in
                    pread(descriptor, buffer.baseAddress, buffer.count, off_t(position))
                }
                chunkStart = position
                chunkCount = max(count, 0)
                guard chunkCount > 0 else { return nil }
            }
            return chunk[position - chunkStart]
        }
    }
}

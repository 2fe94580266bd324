import Foundation

/// Walks the input forward to the places libyaml names — a mark's character
/// index, a reader error's byte offset — and tells their lines and columns as
/// editors count them and the bytes found there.
///
/// libyaml's own line numbers also break lines at U+0085, U+2028 and U+2029,
/// which cassettes hold raw in literal blocks; editors break only at `\n`,
/// `\r\n` and `\r`. Columns count characters; a byte order mark is not one.
/// Places asked for in file order read the input at most once in all, a
/// contiguous span at a time; an earlier place starts the walk over.
struct SourceCounter {
    private let input: YAMLInput
    /// The file's bytes read last; allocated at the first read.
    private var chunk: [UInt8] = []
    /// The input's offset of `chunk[0]`, and how many bytes of `chunk` hold input.
    private var chunkStart = 0
    private var chunkCount = 0
    /// The offset of the text's first byte: 3 after a byte order mark, which libyaml
    /// drops; nil before the first walk.
    private var textStart: Int?
    /// The offset of the next byte to count.
    private var offset = 0
    /// How many characters lie before `offset`.
    private var characters = 0
    private var previous: UInt8 = 0
    /// The 0-based line and column of the byte at `offset`.
    private var line = 0
    private var column = 0

    /// Counts over `input`, which must stay valid while the counter is used.
    init(input: YAMLInput) {
        self.input = input
    }

    /// The 0-based line and column of the character at `index` (0-based, as libyaml's marks count).
    mutating func position(ofCharacterAt index: Int) -> (line: Int, column: Int) {
        _ = move(toCharacter: index)
        return (line, column)
    }

    /// The 0-based line and column of the byte at `target`, an offset into the
    /// input as libyaml's reader counts it (a byte order mark included).
    mutating func position(ofByteAt target: Int) -> (line: Int, column: Int) {
        begin(over: target < offset)
        _ = walk(toCharacter: .max, orByte: target)
        return (line, column)
    }

    /// Up to `length` bytes of the input from the character at `index`; nil past the input's end.
    mutating func bytes(atCharacter index: Int, length: Int) -> [UInt8]? {
        guard move(toCharacter: index) else { return nil }
        switch input {
        case .bytes(let bytes):
            return Array(bytes[offset..<min(bytes.count, offset + length)])
        case .file(let descriptor):
            var buffer = [UInt8](repeating: 0, count: length)
            let read = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, length, off_t(offset)) }
            return Array(buffer.prefix(max(read, 0)))
        }
    }

    /// Walks to the character at `index`; false when the input ends before it.
    private mutating func move(toCharacter index: Int) -> Bool {
        begin(over: index < characters)
        return walk(toCharacter: index, orByte: .max)
    }

    /// Walks to the character at `index` or the byte at `target`, whichever comes
    /// first; false when the input ends before both.
    private mutating func walk(toCharacter index: Int, orByte target: Int) -> Bool {
        switch input {
        case .bytes(let bytes):
            return count(bytes, from: 0, toCharacter: index, orByte: target) ?? false
        case .file:
            while true {
                guard load(at: offset) else { return false }
                let (chunk, start, available) = (self.chunk, chunkStart, chunkCount)
                let reached = chunk.withUnsafeBufferPointer { buffer in
                    count(
                        UnsafeBufferPointer(rebasing: buffer[..<available]), from: start, toCharacter: index,
                        orByte: target)
                }
                if let reached { return reached }
            }
        }
    }

    /// Counts the bytes of `span`, the input's from offset `start`, from `offset` up
    /// to the character at `index` or the byte at `target`: true when it gets there,
    /// nil when `span` ends first.
    private mutating func count(
        _ span: UnsafeBufferPointer<UInt8>, from start: Int, toCharacter index: Int, orByte target: Int
    ) -> Bool? {
        // The walk's state in locals, so that the loop keeps it in registers.
        var (position, characters, previous, line, column) = (offset - start, self.characters, previous, line, column)
        defer {
            (offset, self.characters, self.previous, self.line, self.column) =
                (start + position, characters, previous, line, column)
        }
        let end = min(span.count, max(target - start, position))
        while position < end {
            let byte = span[position]
            let startsCharacter = byte & 0xC0 != 0x80
            if startsCharacter {
                if characters == index { return true }
                characters += 1
            }
            position += 1
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
        return start + position >= target ? true : nil
    }

    /// Skips a byte order mark before the first walk; starts the walk over when `over`.
    private mutating func begin(over: Bool) {
        guard textStart == nil || over else { return }
        let start = textStart ?? (byte(at: 0) == 0xEF && byte(at: 1) == 0xBB && byte(at: 2) == 0xBF ? 3 : 0)
        textStart = start
        (offset, characters, previous, line, column) = (start, 0, 0, 0, 0)
    }

    /// The input's byte at `position`, or nil past its end.
    private mutating func byte(at position: Int) -> UInt8? {
        switch input {
        case .bytes(let bytes):
            return position < bytes.count ? bytes[position] : nil
        case .file:
            return load(at: position) ? chunk[position - chunkStart] : nil
        }
    }

    /// Reads a file's bytes from `position` into `chunk` unless it holds them; false past the file's end.
    private mutating func load(at position: Int) -> Bool {
        guard case .file(let descriptor) = input else { return false }
        if position < chunkStart || position >= chunkStart + chunkCount {
            if chunk.isEmpty { chunk = [UInt8](repeating: 0, count: 65_536) }
            let count = chunk.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress, buffer.count, off_t(position))
            }
            chunkStart = position
            chunkCount = max(count, 0)
        }
        return chunkCount > 0
    }
}

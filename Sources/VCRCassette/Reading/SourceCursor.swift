import Foundation

/// Finds the bytes of the input at a character index of libyaml's marks, for the few
/// things events do not tell (a literal block's indentation digit).
///
/// Marks count characters (a CR LF counts two), so the cursor walks the input
/// forward from where it last stopped: looking up marks in file order reads the
/// input at most once in all.
struct SourceCursor {
    private var character = 0
    private var byte = 0
    private var started = false

    /// Up to `length` bytes of `input` from the character at `index`; nil once the cursor is past it.
    mutating func bytes(of input: YAMLInput, atCharacter index: Int, length: Int) -> [UInt8]? {
        if !started {
            started = true
            if read(input, at: 0, count: 3) == [0xEF, 0xBB, 0xBF] { byte = 3 }  // the reader drops a BOM
        }
        guard index >= character else { return nil }
        while character < index {
            let chunk = read(input, at: byte, count: 4096)
            guard !chunk.isEmpty else { return nil }
            var offset = 0
            while offset < chunk.count && character < index {
                offset += 1
                while offset < chunk.count && chunk[offset] & 0xC0 == 0x80 { offset += 1 }
                character += 1
            }
            byte += offset
        }
        return read(input, at: byte, count: length)
    }

    private func read(_ input: YAMLInput, at offset: Int, count: Int) -> [UInt8] {
        switch input {
        case .bytes(let bytes):
            guard offset < bytes.count else { return [] }
            return Array(bytes[offset..<min(bytes.count, offset + count)])
        case .file(let descriptor):
            var buffer = [UInt8](repeating: 0, count: count)
            let read = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, off_t(offset)) }
            return read > 0 ? Array(buffer.prefix(read)) : []
        }
    }
}

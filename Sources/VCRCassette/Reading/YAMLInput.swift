import CYAML
import Foundation

/// The bytes a ``YAMLEventReader`` parses.
enum YAMLInput {
    /// Bytes in memory, which must stay valid and unchanged while they are parsed.
    case bytes(UnsafeBufferPointer<UInt8>)
    /// An open file, read in chunks as libyaml needs them, so the whole file is
    /// never in memory at once. The descriptor must stay open while it is parsed.
    case file(descriptor: Int32)

    /// Hands the input to `parser`; a file's descriptor is kept in `context`, which must outlive the parsing.
    func attach(to parser: UnsafeMutablePointer<yaml_parser_t>, context: UnsafeMutablePointer<Int32>) {
        switch self {
        case .bytes(let bytes):
            yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
        case .file(let descriptor):
            context.pointee = descriptor
            yaml_parser_set_input(parser, readFile, context)
        }
    }

    /// The 1-based line and column (in UTF-8 characters) of the byte at `offset`.
    func position(ofByteAt offset: Int) -> (line: Int, column: Int) {
        var counter = PositionCounter()
        switch self {
        case .bytes(let bytes):
            counter.count(UnsafeBufferPointer(rebasing: bytes.prefix(offset)))
        case .file(let descriptor):
            var chunk = [UInt8](repeating: 0, count: 65_536)
            var position = 0
            while position < offset {
                let count = chunk.withUnsafeMutableBytes { buffer in
                    pread(descriptor, buffer.baseAddress, min(buffer.count, offset - position), off_t(position))
                }
                guard count > 0 else { break }
                chunk.withUnsafeBufferPointer { counter.count(UnsafeBufferPointer(rebasing: $0.prefix(count))) }
                position += count
            }
        }
        return (counter.line, counter.column)
    }
}

/// libyaml's read handler for a file: `data` points to the descriptor.
private func readFile(
    _ data: UnsafeMutableRawPointer?, _ buffer: UnsafeMutablePointer<UInt8>?, _ size: Int,
    _ sizeRead: UnsafeMutablePointer<Int>?
) -> Int32 {
    guard let data, let buffer, let sizeRead else { return 0 }
    let descriptor = data.load(as: Int32.self)
    while true {
        let count = read(descriptor, buffer, size)
        if count >= 0 {
            sizeRead.pointee = count
            return 1
        }
        if errno != EINTR { return 0 }
    }
}

/// Counts lines and columns over bytes, the way libyaml marks them.
private struct PositionCounter {
    var line = 1
    var column = 1
    private var previous: UInt8 = 0

    mutating func count(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                if previous != UInt8(ascii: "\r") { line += 1 }
                column = 1
            } else if byte == UInt8(ascii: "\r") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            previous = byte
        }
    }
}

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

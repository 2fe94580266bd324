import Foundation

/// Cuts a body into the byte ranges a streaming consumer receives one by one.
///
/// The ranges cover the body exactly, in order, without gaps, so the chunks
/// joined are the recorded bytes.
enum ChunkSplitter {
    /// The ranges of `body`'s chunks in the given format.
    ///
    /// A streamed body that forms a single event, line or message is sliced
    /// like one without boundaries. Slices hold at most `chunkSize` bytes, and a
    /// sliced body of two bytes or more makes at least two, so that every
    /// streamed body arrives in pieces.
    static func ranges(of body: Data, format: StreamFormat, chunkSize: Int) -> [Range<Data.Index>] {
        guard !body.isEmpty else { return [] }
        let ranges: [Range<Data.Index>]
        switch format {
        case .whole: return [body.startIndex..<body.endIndex]
        case .serverSentEvents: ranges = events(of: body)
        case .jsonLines: ranges = lines(of: body)
        case .awsEventStream: ranges = eventStreamMessages(of: body, chunkSize: chunkSize)
        case .slices: ranges = []
        }
        guard ranges.count < 2 else { return ranges }
        return slices(of: body, from: body.startIndex, size: min(chunkSize, (body.count + 1) / 2))
    }

    /// Events end at a blank line: a line terminator (LF, CRLF or CR) right after another.
    private static func events(of body: Data) -> [Range<Data.Index>] {
        let base = body.startIndex
        return body.withUnsafeBytes { bytes in
            var ranges: [Range<Data.Index>] = []
            var start = 0
            var index = 0
            var lineIsEmpty = false
            while index < bytes.count {
                let byte = bytes[index]
                guard byte == 0x0A || byte == 0x0D else {
                    lineIsEmpty = false
                    index = nextLineBreak(in: bytes, from: index + 1)
                    continue
                }
                var next = index + 1
                if byte == 0x0D, next < bytes.count, bytes[next] == 0x0A { next += 1 }
                if lineIsEmpty {
                    ranges.append(base + start..<base + next)
                    start = next
                    lineIsEmpty = false
                } else {
                    lineIsEmpty = true
                }
                index = next
            }
            if start < bytes.count { ranges.append(base + start..<base + bytes.count) }
            return ranges
        }
    }

    /// The position of the next LF or CR at or after `start`, or the end.
    private static func nextLineBreak(in bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        let lineFeed = offset(of: 0x0A, in: bytes, from: start, to: bytes.count) ?? bytes.count
        return offset(of: 0x0D, in: bytes, from: start, to: lineFeed) ?? lineFeed
    }

    /// The offset of the first `byte` in `buffer[start..<end]`, found with `memchr`.
    private static func offset(of byte: UInt8, in buffer: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int?
    {
        guard let base = buffer.baseAddress, start < end else { return nil }
        return memchr(base + start, Int32(byte), end - start).map { UnsafeRawPointer($0) - base }
    }

    /// One range per line, its LF included.
    private static func lines(of body: Data) -> [Range<Data.Index>] {
        let base = body.startIndex
        return body.withUnsafeBytes { buffer in
            var ranges: [Range<Data.Index>] = []
            var start = 0
            while let newline = offset(of: 0x0A, in: buffer, from: start, to: buffer.count) {
                ranges.append(base + start..<base + newline + 1)
                start = newline + 1
            }
            if start < buffer.count { ranges.append(base + start..<base + buffer.count) }
            return ranges
        }
    }

    /// AWS event-stream messages: each starts with its total length as a
    /// big-endian 32-bit integer (prelude 12 bytes, message CRC 4 bytes).
    /// Bytes that do not frame as messages are sliced.
    private static func eventStreamMessages(of body: Data, chunkSize: Int) -> [Range<Data.Index>] {
        var ranges: [Range<Data.Index>] = []
        var start = body.startIndex
        while body.endIndex - start >= 16 {
            let length = body[start..<start + 4].reduce(0) { $0 << 8 | Int($1) }
            guard length >= 16, length <= body.endIndex - start else { break }
            ranges.append(start..<start + length)
            start += length
        }
        return ranges + slices(of: body, from: start, size: chunkSize)
    }

    private static func slices(of body: Data, from start: Data.Index, size: Int) -> [Range<Data.Index>] {
        let size = max(size, 1)
        return stride(from: start, to: body.endIndex, by: size).map { $0..<min($0 + size, body.endIndex) }
    }
}

import Foundation

/// Cuts a body into the byte ranges a streaming consumer receives one by one.
///
/// The ranges cover the body exactly, in order, without gaps, so the chunks
/// joined are the recorded bytes.
enum ChunkSplitter {
    /// The ranges of `body`'s chunks in the given format.
    ///
    /// A streamed body that forms a single event, line or message is sliced
    /// like one without boundaries. Slices hold at most `sliceSize` bytes, and a
    /// sliced body of two bytes or more makes at least two, so that every
    /// streamed body arrives in pieces.
    static func ranges(of body: Data, format: StreamFormat, sliceSize: Int) -> [Range<Data.Index>] {
        guard !body.isEmpty else { return [] }
        let ranges: [Range<Data.Index>]
        switch format {
        case .whole: return [body.startIndex..<body.endIndex]
        case .serverSentEvents: ranges = events(of: body)
        case .jsonLines: ranges = lines(of: body)
        case .awsEventStream: ranges = eventStreamMessages(of: body, sliceSize: sliceSize)
        case .slices: ranges = []
        }
        guard ranges.count < 2 else { return ranges }
        return slices(of: body, from: body.startIndex, size: min(sliceSize, (body.count + 1) / 2))
    }

    /// Events end at a blank line: a line terminator (LF, CRLF or CR) right after another.
    private static func events(of body: Data) -> [Range<Data.Index>] {
        var ranges: [Range<Data.Index>] = []
        var start = body.startIndex
        var index = start
        var lineIsEmpty = false
        while index < body.endIndex {
            let byte = body[index]
            guard byte == 0x0A || byte == 0x0D else {
                lineIsEmpty = false
                index += 1
                continue
            }
            var next = index + 1
            if byte == 0x0D, next < body.endIndex, body[next] == 0x0A { next += 1 }
            if lineIsEmpty {
                ranges.append(start..<next)
                start = next
                lineIsEmpty = false
            } else {
                lineIsEmpty = true
            }
            index = next
        }
        if start < body.endIndex { ranges.append(start..<body.endIndex) }
        return ranges
    }

    /// One range per line, its LF included.
    private static func lines(of body: Data) -> [Range<Data.Index>] {
        var ranges: [Range<Data.Index>] = []
        var start = body.startIndex
        while let newline = body[start...].firstIndex(of: 0x0A) {
            ranges.append(start..<newline + 1)
            start = newline + 1
        }
        if start < body.endIndex { ranges.append(start..<body.endIndex) }
        return ranges
    }

    /// AWS event-stream messages: each starts with its total length as a
    /// big-endian 32-bit integer (prelude 12 bytes, message CRC 4 bytes).
    /// Bytes that do not frame as messages are sliced.
    private static func eventStreamMessages(of body: Data, sliceSize: Int) -> [Range<Data.Index>] {
        var ranges: [Range<Data.Index>] = []
        var start = body.startIndex
        while body.endIndex - start >= 16 {
            let length = body[start..<start + 4].reduce(0) { $0 << 8 | Int($1) }
            guard length >= 16, length <= body.endIndex - start else { break }
            ranges.append(start..<start + length)
            start += length
        }
        return ranges + slices(of: body, from: start, size: sliceSize)
    }

    private static func slices(of body: Data, from start: Data.Index, size: Int) -> [Range<Data.Index>] {
        let size = max(size, 1)
        return stride(from: start, to: body.endIndex, by: size).map { $0..<min($0 + size, body.endIndex) }
    }
}

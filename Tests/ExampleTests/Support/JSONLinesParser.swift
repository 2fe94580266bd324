import Foundation

/// Splits a newline-delimited JSON body (NDJSON) into its documents as it arrives.
struct JSONLinesParser {
    private var buffer = Data()

    /// The non-empty lines that `chunk` completes, without their line ends.
    mutating func lines(in chunk: Data) -> [Data] {
        buffer.append(chunk)
        var lines: [Data] = []
        var lineStart = buffer.startIndex
        while let newline = buffer[lineStart...].firstIndex(of: UInt8(ascii: "\n")) {
            var line = buffer[lineStart..<newline]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if !line.isEmpty { lines.append(Data(line)) }
            lineStart = newline + 1
        }
        buffer.removeSubrange(buffer.startIndex..<lineStart)
        return lines
    }
}

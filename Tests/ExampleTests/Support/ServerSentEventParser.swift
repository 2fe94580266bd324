import Foundation

/// One server-sent event: its `event:` type and its `data:` lines joined.
struct ServerSentEvent: Sendable, Equatable {
    var type: String?
    var data: String
}

/// Parses a `text/event-stream` body as it arrives, in chunks cut anywhere.
///
/// Lines end at LF or CRLF; a blank line ends an event; `data:` lines join
/// with LF; comments (`:`) and unknown fields are skipped.
struct ServerSentEventParser {
    private var buffer = Data()
    private var type: String?
    private var dataLines: [String] = []

    /// The events that `chunk` completes.
    mutating func events(in chunk: Data) -> [ServerSentEvent] {
        buffer.append(chunk)
        var events: [ServerSentEvent] = []
        var lineStart = buffer.startIndex
        while let newline = buffer[lineStart...].firstIndex(of: UInt8(ascii: "\n")) {
            var line = buffer[lineStart..<newline]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if let event = take(String(decoding: line, as: UTF8.self)) { events.append(event) }
            lineStart = newline + 1
        }
        buffer.removeSubrange(buffer.startIndex..<lineStart)
        return events
    }

    private mutating func take(_ line: String) -> ServerSentEvent? {
        if line.isEmpty {
            defer { (type, dataLines) = (nil, []) }
            return dataLines.isEmpty ? nil : ServerSentEvent(type: type, data: dataLines.joined(separator: "\n"))
        }
        if line.hasPrefix(":") { return nil }
        let field = line.prefix { $0 != ":" }
        var value = line.dropFirst(field.count).dropFirst()
        if value.hasPrefix(" ") { value = value.dropFirst() }
        switch field {
        case "event": type = String(value)
        case "data": dataLines.append(String(value))
        default: break
        }
        return nil
    }
}

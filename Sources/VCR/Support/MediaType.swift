import Foundation

/// The media types this module tells apart by a response's or request's
/// `Content-Type`.
enum MediaType {
    /// Server-sent events.
    static let eventStream = "text/event-stream"
    /// An urlencoded form body.
    static let form = "application/x-www-form-urlencoded"

    /// The media type of a `Content-Type` value, lowercased, without
    /// parameters or the spaces and tabs around it: `text/event-stream` from
    /// `Text/Event-Stream; charset=utf-8`.
    static func of(_ contentType: String) -> String {
        var type = contentType.utf8[...]
        if let semicolon = type.firstIndex(of: UInt8(ascii: ";")) { type = type[..<semicolon] }
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        while let first = type.first, isBlank(first) { type = type.dropFirst() }
        while let last = type.last, isBlank(last) { type = type.dropLast() }
        return String(Substring(type)).lowercased()
    }

    /// Whether a content type names an urlencoded form.
    static func isForm(_ contentType: String) -> Bool {
        contentType.lowercased().hasPrefix(form)
    }
}

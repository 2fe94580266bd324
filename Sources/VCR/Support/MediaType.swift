import Foundation

/// The media types this module tells apart by a response's or request's
/// `Content-Type`.
enum MediaType {
    /// Server-sent events.
    static let eventStream = "text/event-stream"
    /// An urlencoded form body.
    static let form = "application/x-www-form-urlencoded"

    /// The media type of a `Content-Type` value, lowercased, without
    /// parameters: `text/event-stream` from `Text/Event-Stream; charset=utf-8`.
    static func of(_ contentType: String) -> String {
        let type = contentType.split(separator: ";", maxSplits: 1).first ?? ""
        return type.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// Whether a content type names an urlencoded form.
    static func isForm(_ contentType: String) -> Bool {
        contentType.lowercased().hasPrefix(form)
    }
}

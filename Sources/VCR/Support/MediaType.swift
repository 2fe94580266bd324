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

    /// Whether a content type names an urlencoded form, compared as
    /// `lowercased().hasPrefix(_:)` would; ASCII text is compared byte by byte
    /// without building the lowercased copy, as redaction tests every live request.
    static func isForm(_ contentType: String) -> Bool {
        let form = Self.form.utf8
        let bytes = contentType.utf8.prefix(form.count + 1)
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            return contentType.lowercased().hasPrefix(Self.form)
        }
        return bytes.count >= form.count
            && zip(bytes, form).allSatisfy { byte, expected in
                (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte) == expected
            }
    }
}

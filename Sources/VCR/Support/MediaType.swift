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

    /// The first `Content-Type` value, its name in any case: that of the
    /// first spelling in sorted order, as ``HeaderFields`` merges them.
    static func contentType(in headers: [String: [String]]) -> String? {
        var found: (name: String, value: String)?
        for (name, values) in headers
        where name.utf8.count == 12 && (name == "Content-Type" || name.lowercased() == "content-type") {
            guard let value = values.first, found.map({ name < $0.name }) ?? true else { continue }
            found = (name, value)
        }
        return found?.value
    }

    /// Whether a content type names an urlencoded form.
    ///
    /// A text with fewer bytes is not lowercased: only ASCII letters lowercase
    /// to the form type's letters, byte for byte, so it cannot start with it.
    static func isForm(_ contentType: String) -> Bool {
        contentType.utf8.count >= form.utf8.count && contentType.lowercased().hasPrefix(form)
    }
}

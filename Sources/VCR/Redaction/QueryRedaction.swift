import Foundation

/// Replaces the values of named parameters in query strings, urlencoded
/// bodies and `form` maps, leaving every other byte as it was.
struct QueryRedaction: Sendable {
    private let names: Set<String>
    private let encodedPlaceholder: String
    private let placeholder: String

    /// The characters a placeholder keeps unescaped in a query.
    private static let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))

    init(names: Set<String>, placeholder: String) {
        self.names = Set(names.map { $0.lowercased() })
        self.placeholder = placeholder
        encodedPlaceholder = Self.percentEncoded(placeholder)
    }

    /// `text` as a query value. A text of unreserved ASCII (`REDACTED`) is
    /// its own encoding, which skips the 20,000 instructions Foundation's takes.
    private static func percentEncoded(_ text: String) -> String {
        let unreserved = text.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                true
            default: false
            }
        }
        return unreserved ? text : text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// Whether any parameter is named, so that something can be redacted.
    var redactsNames: Bool { !names.isEmpty }

    /// The URL with the values of the named query parameters replaced.
    func redactingURL(_ url: String) -> String {
        guard !names.isEmpty, Self.hasQuery(url), let questionMark = url.utf8.firstIndex(of: UInt8(ascii: "?"))
        else { return url }
        let queryStart = url.index(after: questionMark)
        let queryEnd = url[queryStart...].firstIndex(of: "#") ?? url.endIndex
        guard let redacted = redactingPairs(url[queryStart..<queryEnd]) else { return url }
        return String(url[..<queryStart]) + redacted + String(url[queryEnd...])
    }

    /// Whether `url` holds a `?`, looked for in its UTF-8 buffer: stepping
    /// through a `String.UTF8View` takes 27 instructions a byte, the buffer 4
    /// (callgrind; 1.3 K of each intercepted request's lookup).
    private static func hasQuery(_ url: String) -> Bool {
        var url = url
        return url.withUTF8 { $0.contains(UInt8(ascii: "?")) }
    }

    /// An urlencoded body with the values of the named fields replaced.
    func redactingForm(_ body: Data) -> Data {
        guard !names.isEmpty, let text = String(validating: body, as: UTF8.self),
            let redacted = redactingPairs(text[...])
        else { return body }
        return Data(redacted.utf8)
    }

    /// A `form` map with the values of the named fields replaced.
    func redactingForm(_ form: [String: [String]]) -> [String: [String]] {
        guard !names.isEmpty else { return form }
        var result = form
        for (name, values) in form where names.contains(name.lowercased()) {
            result[name] = values.map { _ in placeholder }
        }
        return result
    }

    /// The values, percent-decoded, of the named parameters of the URL's query.
    func namedValues(inURL url: String) -> [String] {
        guard !names.isEmpty, let questionMark = url.firstIndex(of: "?") else { return [] }
        let query = url[url.index(after: questionMark)...]
        return namedValues(inPairs: query[..<(query.firstIndex(of: "#") ?? query.endIndex)])
    }

    /// The values, percent-decoded, of the named fields of an urlencoded body.
    func namedValues(inForm body: Data) -> [String] {
        guard !names.isEmpty, let text = String(validating: body, as: UTF8.self) else { return [] }
        return namedValues(inPairs: text[...])
    }

    private func namedValues(inPairs query: Substring) -> [String] {
        query.split(separator: "&").compactMap { pair in
            guard let equals = pair.firstIndex(of: "=") else { return nil }
            guard names.contains(Self.decoded(pair[..<equals]).lowercased()) else { return nil }
            return Self.decoded(pair[pair.index(after: equals)...])
        }
    }

    /// A query component with `+` read as a space and percent escapes decoded;
    /// one with neither, as most names are, is copied without Foundation's passes.
    private static func decoded(_ component: Substring) -> String {
        guard component.utf8.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "%") }) else {
            return String(component)
        }
        let spaced = component.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// The `name=value&…` text with named values replaced; nil when nothing changed.
    private func redactingPairs(_ query: Substring) -> String? {
        var changed = false
        let pairs = query.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            guard let equals = pair.firstIndex(of: "=") else { return String(pair) }
            let name = pair[..<equals]
            let value = pair[pair.index(after: equals)...]
            guard names.contains(Self.decoded(name).lowercased()), value != encodedPlaceholder else {
                return String(pair)
            }
            changed = true
            return name + "=" + encodedPlaceholder
        }
        return changed ? pairs.joined(separator: "&") : nil
    }
}

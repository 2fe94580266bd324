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
        encodedPlaceholder = placeholder.addingPercentEncoding(withAllowedCharacters: Self.allowed) ?? placeholder
    }

    /// Whether any parameter is named, so that something can be redacted.
    var redactsNames: Bool { !names.isEmpty }

    /// The URL with the values of the named query parameters replaced.
    func redactingURL(_ url: String) -> String {
        guard !names.isEmpty, let questionMark = url.utf8.firstIndex(of: UInt8(ascii: "?")) else { return url }
        let queryStart = url.index(after: questionMark)
        let queryEnd = url[queryStart...].firstIndex(of: "#") ?? url.endIndex
        guard let redacted = redactingPairs(url[queryStart..<queryEnd]) else { return url }
        return String(url[..<queryStart]) + redacted + String(url[queryEnd...])
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

    /// A query component with `+` read as a space and percent escapes decoded.
    private static func decoded(_ component: Substring) -> String {
        let spaced = component.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// The `name=value&…` text with named values replaced; nil when nothing changed.
    private func redactingPairs(_ query: Substring) -> String? {
        var changed = false
        let pairs = query.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            guard let equals = pair.firstIndex(of: "=") else { return String(pair) }
            let name = pair[..<equals]
            let decoded = name.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(name)
            guard names.contains(decoded.lowercased()), pair[pair.index(after: equals)...] != encodedPlaceholder
            else { return String(pair) }
            changed = true
            return name + "=" + encodedPlaceholder
        }
        return changed ? pairs.joined(separator: "&") : nil
    }
}

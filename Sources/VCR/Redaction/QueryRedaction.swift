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
        guard !names.isEmpty, let query = Self.query(of: url),
            let redacted = redactingPairs(url[query])
        else { return url }
        return String(url[..<query.lowerBound]) + redacted + String(url[query.upperBound...])
    }

    /// The query of `url`, from after its first `?` to a `#` or the end; nil
    /// without a `?`. Found in the URL's UTF-8 buffer: stepping through a
    /// `String.UTF8View` takes 27 instructions a byte, the buffer 4
    /// (callgrind; 1.3 K of each intercepted request's lookup).
    private static func query(of url: String) -> Range<String.Index>? {
        var buffer = url
        let offsets = buffer.withUTF8 { bytes -> Range<Int>? in
            guard let question = bytes.firstIndex(of: UInt8(ascii: "?")) else { return nil }
            return (question + 1)..<(bytes[question...].firstIndex(of: UInt8(ascii: "#")) ?? bytes.count)
        }
        guard let offsets else { return nil }
        let start = url.utf8.index(url.utf8.startIndex, offsetBy: offsets.lowerBound)
        return start..<url.utf8.index(start, offsetBy: offsets.count)
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
        guard !names.isEmpty, let query = Self.query(of: url) else { return [] }
        return namedValues(inPairs: url[query])
    }

    /// The values, percent-decoded, of the named fields of an urlencoded body.
    func namedValues(inForm body: Data) -> [String] {
        guard !names.isEmpty, let text = String(validating: body, as: UTF8.self) else { return [] }
        return namedValues(inPairs: text[...])
    }

    private func namedValues(inPairs query: Substring) -> [String] {
        Self.pairs(of: query).compactMap { pair in
            guard let field = pair.field, names.contains(Self.decoded(field.name).lowercased()) else { return nil }
            return Self.decoded(field.value)
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

    /// The `name=value&…` text with named values replaced; nil when nothing
    /// changed, which is found before any pair is copied.
    private func redactingPairs(_ query: Substring) -> String? {
        let pairs = Self.pairs(of: query)
        func redactedName(of pair: Pair) -> Substring? {
            guard let field = pair.field, names.contains(Self.decoded(field.name).lowercased()),
                field.value != encodedPlaceholder
            else { return nil }
            return field.name
        }
        guard pairs.contains(where: { redactedName(of: $0) != nil }) else { return nil }
        return pairs.map { pair in
            redactedName(of: pair).map { $0 + "=" + encodedPlaceholder } ?? String(pair.text)
        }.joined(separator: "&")
    }

    /// A `name=value` pair of a query, or a text without `=`.
    private struct Pair {
        var text: Substring
        /// The text before the first `=` and the text after it; nil without one.
        var field: (name: Substring, value: Substring)?
    }

    /// The `&`-separated pairs of `query`, cut in its UTF-8 buffer rather
    /// than `Character` by `Character` (7 K instructions a query), for
    /// redacting and for finding the values to mask alike.
    private static func pairs(of query: Substring) -> [Pair] {
        let utf8 = query.utf8
        let index = { (offset: Int) in utf8.index(utf8.startIndex, offsetBy: offset) }
        var buffer = query
        return buffer.withUTF8 { bytes in
            var pairs: [Pair] = []
            var start = 0
            var equals: Int?
            for offset in 0...bytes.count {
                if offset == bytes.count || bytes[offset] == UInt8(ascii: "&") {
                    let (first, end) = (index(start), index(offset))
                    pairs.append(
                        Pair(
                            text: query[first..<end],
                            field: equals.map { (query[first..<index($0)], query[index($0 + 1)..<end]) }))
                    start = offset + 1
                    equals = nil
                } else if equals == nil, bytes[offset] == UInt8(ascii: "=") {
                    equals = offset
                }
            }
            return pairs
        }
    }
}

import Foundation

/// Case-insensitive access to a header map that keeps its recorded name case.
struct HeaderFields: Sendable {
    private let valuesByLowercasedName: [String: [String]]

    /// No fields: what a request is prepared with when no matcher compares headers.
    static let none = HeaderFields([:])

    init(_ headers: [String: [String]]) {
        var merged: [String: [String]] = [:]
        for name in headers.keys.sorted() {
            merged[name.lowercased(), default: []] += headers[name] ?? []
        }
        valuesByLowercasedName = merged
    }

    /// The values of every field with this name, in any case.
    subscript(name: String) -> [String] {
        valuesByLowercasedName[name.lowercased()] ?? []
    }

    /// The values split at commas and trimmed: `["a, b"]` and `["a", "b"]` compare equal,
    /// as they mean the same to HTTP and URLRequest joins repeated fields with commas.
    func normalizedValues(_ name: String) -> [String] {
        Self.normalize(self[name])
    }

    /// Splits values at commas and trims white space around each part.
    static func normalize(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
            .map { $0.trimmingCharacters(in: .whitespaces) }
    }
}

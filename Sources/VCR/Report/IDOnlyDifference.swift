import Foundation

/// Tells whether two JSON request bodies differ only in id-like members
/// (`id`, `request_id`, `requestId`, `uuid`, `nonce`…), which clients draw anew
/// on every run: recording again cannot make such a request match.
enum IDOnlyDifference {
    /// The names of the id-like members in which the bodies differ, sorted;
    /// nil when they are not both JSON, are equal, or differ anywhere else.
    static func names(recorded: Data, request: Data) -> [String]? {
        guard let old = JSONParser.parse(recorded), let new = JSONParser.parse(request), old != new else { return nil }
        var names: Set<String> = []
        guard collect(old, new, into: &names), !names.isEmpty else { return nil }
        return names.sorted()
    }

    /// Whether `name` looks like an identifier drawn per request.
    static func isIDLike(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered == "id" || lowered.hasSuffix("_id") || lowered.hasSuffix("-id") || name.hasSuffix("Id")
            || name.hasSuffix("ID") || lowered.contains("uuid") || lowered == "nonce"
    }

    /// Adds the id-like names where `old` and `new` differ; false when they
    /// differ anywhere else.
    private static func collect(_ old: JSONValue, _ new: JSONValue, into names: inout Set<String>) -> Bool {
        switch (old, new) {
        case (.object(let a), .object(let b)):
            for key in Set(a.keys).union(b.keys) where a[key] != b[key] {
                if isIDLike(key) {
                    names.insert(key)
                } else if let x = a[key], let y = b[key], collect(x, y, into: &names) {
                    continue
                } else {
                    return false
                }
            }
            return true
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return false }
            return zip(a, b).allSatisfy { collect($0, $1, into: &names) }
        default:
            return old == new
        }
    }
}

import Foundation

/// The facts about one request that matchers compare, computed once: for each
/// recorded interaction when its cassette is indexed, for each live request
/// when it arrives.
struct MatchSubject: Sendable {
    let method: String
    let url: String
    /// The percent-encoded path of the URL.
    let path: String
    /// The query's `name=value` items, percent-decoded and sorted.
    let queryItems: [String]
    let headers: HeaderFields
    /// The body; nil for a live request without one.
    let body: PreparedBody?
    /// For each ``Matcher/jsonBody(ignoring:)`` matcher, by its position in the
    /// matcher list, the body's JSON without the ignored members.
    let jsonWithoutIgnoredMembers: [Int: JSONValue]

    init(method: String, url: String, headers: [String: [String]], body: Data?, matchers: [Matcher]) {
        self.method = method
        self.url = url
        let components = URLComponents(string: url)
        path = components?.percentEncodedPath ?? url
        queryItems = Self.queryItems(of: url)
        self.headers = HeaderFields(headers)
        let prepared = body.map(PreparedBody.init)
        self.body = prepared
        var stripped: [Int: JSONValue] = [:]
        if let json = prepared?.json {
            for (position, matcher) in matchers.enumerated() {
                if case .jsonBody(let paths) = matcher.rule {
                    stripped[position] = paths.reduce(json) { $1.removing(from: $0) }
                }
            }
        }
        jsonWithoutIgnoredMembers = stripped
    }

    /// The query items of a URL as text, percent-decoded and sorted, so that
    /// order and escaping spelling do not matter.
    private static func queryItems(of url: String) -> [String] {
        guard let questionMark = url.firstIndex(of: "?") else { return [] }
        var query = url[url.index(after: questionMark)...]
        if let hash = query.firstIndex(of: "#") { query = query[..<hash] }
        return query.split(separator: "&").map { item in
            let text = item.replacingOccurrences(of: "+", with: " ")
            return text.removingPercentEncoding ?? text
        }.sorted()
    }
}

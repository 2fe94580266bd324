import Foundation

/// The facts about one request that matchers compare, computed once: for each
/// recorded interaction when its cassette is indexed, for each live request
/// when it arrives. Facts no matcher of the list compares are left empty.
struct MatchSubject: Sendable {
    /// Which facts a matcher list compares, worked out once per list.
    struct Needs: Sendable {
        var path = false
        var query = false
        var headers = false
        /// For each ``Matcher/jsonBody(ignoring:)`` matcher, by its position in
        /// the list, the paths it ignores.
        var ignoredJSONPaths: [Int: [JSONPath]] = [:]

        init(_ matchers: [Matcher]) {
            for (position, matcher) in matchers.enumerated() {
                switch matcher.rule {
                case .path: path = true
                case .query: query = true
                case .headers: headers = true
                case .jsonBody(let paths): ignoredJSONPaths[position] = paths
                case .method, .url, .body, .custom: break
                }
            }
        }
    }

    let method: String
    /// The URL as ``ComparableURL`` spells it, so that encodings of the same URL are equal.
    let url: String
    /// The URL's path as ``ComparableURL`` spells it; empty unless a ``Matcher/path`` compares it.
    let path: String
    /// The query's `name=value` items, percent-decoded and sorted; empty unless
    /// a ``Matcher/query`` compares them.
    let queryItems: [String]
    /// The header fields; empty unless a ``Matcher/headers(_:)-(String...)`` compares them.
    let headers: HeaderFields
    /// The body; nil for a live request without one.
    let body: PreparedBody?
    /// For each ``Matcher/jsonBody(ignoring:)`` matcher, by its position in the
    /// matcher list, the body's JSON without the ignored members.
    let jsonWithoutIgnoredMembers: [Int: JSONValue]

    /// Prepares the facts `needs` names.
    init(method: String, url: String, headers: [String: [String]], body: Data?, needs: Needs) {
        self.method = method
        self.url = ComparableURL.spelling(of: url)
        path = needs.path ? ComparableURL.path(of: url) : ""
        queryItems = needs.query ? Self.queryItems(of: url) : []
        self.headers = needs.headers ? HeaderFields(headers) : HeaderFields.none
        let prepared = body.map { PreparedBody($0) }
        self.body = prepared
        var stripped: [Int: JSONValue] = [:]
        if !needs.ignoredJSONPaths.isEmpty, let json = prepared?.json {
            for (position, paths) in needs.ignoredJSONPaths {
                stripped[position] = paths.reduce(json) { $1.removing(from: $0) }
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

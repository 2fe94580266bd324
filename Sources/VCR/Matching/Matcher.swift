import VCRCassette

/// One rule a recorded interaction must pass to answer a request.
///
/// A VCR serves the first unused interaction, in file order, that passes every
/// matcher of ``VCR/Options/matchers``. The default list, `[Matcher].default`,
/// is charmbracelet x/vcr's rule, so cassettes recorded by it replay as recorded:
///
/// ```swift
/// var options = VCR.Options()
/// options.matchers = [.method, .path, .query, .headers("Anthropic-Version"),
///                     .jsonBody(ignoring: ["metadata.user_id"])]
/// ```
public struct Matcher: Sendable, CustomStringConvertible {
    enum Rule: Sendable {
        case method
        case url
        case path
        case query
        case headers([String])
        case body
        case jsonBody(ignoring: [JSONPath])
        case custom(@Sendable (InterceptedRequest, Interaction) -> Bool)
    }

    /// The name shown in mismatch reports, such as `method` or `headers(Accept)`.
    public let name: String
    let rule: Rule

    init(name: String, rule: Rule) {
        self.name = name
        self.rule = rule
    }

    /// The matcher's ``name``.
    public var description: String { name }

    /// Whether the matcher compares bodies (``body``, ``jsonBody(ignoring:)``).
    var comparesBodies: Bool {
        switch rule {
        case .body, .jsonBody: true
        default: false
        }
    }

    /// The methods are equal (`GET`, `POST`, …).
    public static let method = Matcher(name: "method", rule: .method)

    /// The URLs are equal as text, percent-escapes included.
    public static let url = Matcher(name: "url", rule: .url)

    /// The URL paths are equal; scheme, host and query are not compared.
    public static let path = Matcher(name: "path", rule: .path)

    /// The query parameters are equal, in any order.
    public static let query = Matcher(name: "query", rule: .query)

    /// The named headers have equal values; names compare case-insensitively and
    /// values compare after splitting at commas (`a, b` equals `a` then `b`).
    public static func headers(_ names: String...) -> Matcher {
        headers(names)
    }

    /// The named headers have equal values; see ``headers(_:)-(String...)``.
    public static func headers(_ names: [String]) -> Matcher {
        Matcher(name: "headers(\(names.joined(separator: ", ")))", rule: .headers(names))
    }

    /// When the request has a body, it equals the recorded one after CRLF→LF
    /// normalisation, or as a JSON value (key order, white space and number
    /// spelling ignored). A request without a body passes.
    public static let body = Matcher(name: "body", rule: .body)

    /// Like ``body``, but the members named by `paths` are left out of both
    /// JSON documents before comparing them.
    ///
    /// Paths use dots and brackets, `*` for any key or position:
    /// `metadata.request_id`, `messages[0].id`, `messages[*].id`, `["key.with.dots"]`.
    public static func jsonBody(ignoring paths: [String]) -> Matcher {
        Matcher(
            name: "jsonBody(ignoring: \(paths.joined(separator: ", ")))",
            rule: .jsonBody(ignoring: paths.map(JSONPath.init)))
    }

    /// A rule of your own; `name` labels it in mismatch reports.
    public static func custom(
        _ name: String, _ predicate: @escaping @Sendable (InterceptedRequest, Interaction) -> Bool
    ) -> Matcher {
        Matcher(name: name, rule: .custom(predicate))
    }
}

extension Array where Element == Matcher {
    /// charmbracelet x/vcr's rule: method and URL equal, and bodies equal
    /// (after CRLF→LF normalisation, or as JSON values) when the request has one.
    public static var `default`: [Matcher] { [.method, .url, .body] }
}

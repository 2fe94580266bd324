extension VCR {
    /// What is taken out of an interaction before it is written to a cassette.
    ///
    /// On by default: the values of the ``defaultHeaders`` and of the
    /// ``defaultQueryParameters`` (in the URL, the `form` and urlencoded bodies)
    /// are replaced by ``placeholder``. Then, before a cassette is saved, it is
    /// scanned for the values of secret-looking environment variables (see
    /// ``scansEnvironment``) and not saved when one is found.
    ///
    /// ```swift
    /// var options = VCR.Options()
    /// options.redaction.headers.insert("X-Tenant-Secret")
    /// options.redaction.queryParameters.insert("signature")
    /// options.redaction.jsonBodyPaths = ["credentials.password", "messages[*].api_key"]
    /// options.redaction.allowedRequestHeaders = ["Accept", "Content-Type", "User-Agent"]
    /// ```
    ///
    /// Replay applies the same rules to each live request, and to the recorded
    /// requests, before matching, so redaction never causes a mismatch. The
    /// consequence: two requests that differ only in a redacted value match
    /// the same interaction (a request with another API key is answered too).
    public struct Redaction: Sendable, Hashable {
        /// The headers redacted by default, in request and response.
        public static let defaultHeaders: Set<String> = [
            "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key", "Api-Key",
            "X-Goog-Api-Key", "X-Amz-Security-Token", "X-Auth-Token", "OpenAI-Api-Key",
        ]

        /// The query parameters and urlencoded form fields redacted by default.
        public static let defaultQueryParameters: Set<String> = [
            "api_key", "apikey", "key", "token", "access_token", "client_secret",
        ]

        /// The text that replaces a redacted value.
        public static let defaultPlaceholder = "REDACTED"

        /// Headers whose values are replaced, in requests and responses; names
        /// compare case-insensitively.
        public var headers: Set<String>
        /// Query parameters whose values are replaced, in the URL, the `form`
        /// and `application/x-www-form-urlencoded` request bodies; names
        /// compare case-insensitively.
        public var queryParameters: Set<String>
        /// Members of JSON bodies, request and response, whose values are
        /// replaced by the placeholder as a JSON string; the syntax of
        /// ``Matcher/jsonBody(ignoring:)``: `auth.token`, `items[*].secret`.
        /// The rest of the body keeps its bytes.
        public var jsonBodyPaths: [String]
        /// When set, the only request headers kept; the others are dropped
        /// (charmbracelet x/vcr keeps `Accept`, `Content-Type` and `User-Agent`).
        public var allowedRequestHeaders: Set<String>?
        /// The text that replaces a redacted value.
        public var placeholder: String
        /// Whether a cassette is refused, before saving, when it contains the
        /// value (8 characters or more) of an environment variable whose name
        /// ends in `KEY`, `TOKEN`, `SECRET` or `PASSWORD`.
        public var scansEnvironment: Bool

        /// Creates rules; by default the headers and query parameters above are
        /// redacted and the environment is scanned.
        public init(
            headers: Set<String> = Redaction.defaultHeaders,
            queryParameters: Set<String> = Redaction.defaultQueryParameters,
            jsonBodyPaths: [String] = [],
            allowedRequestHeaders: Set<String>? = nil,
            placeholder: String = Redaction.defaultPlaceholder,
            scansEnvironment: Bool = true
        ) {
            self.headers = headers
            self.queryParameters = queryParameters
            self.jsonBodyPaths = jsonBodyPaths
            self.allowedRequestHeaders = allowedRequestHeaders
            self.placeholder = placeholder
            self.scansEnvironment = scansEnvironment
        }

        /// Nothing redacted, nothing scanned.
        public static let disabled = Redaction(
            headers: [], queryParameters: [], jsonBodyPaths: [], allowedRequestHeaders: nil, scansEnvironment: false)
    }
}

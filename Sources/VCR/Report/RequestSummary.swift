import Foundation

/// The lines that show a request in reports: method and URL, headers sorted by
/// name with credentials masked, and the body's size.
enum RequestSummary {
    /// Headers whose values are credentials: reports show their length only.
    private static let secretHeaders: Set<String> = [
        "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key", "x-goog-api-key",
        "x-amz-security-token", "openai-api-key",
    ]

    static func lines(of request: InterceptedRequest) -> [String] {
        var lines = ["\(request.method) \(request.url)"]
        for name in request.headers.keys.sorted(by: { $0.lowercased() < $1.lowercased() }) {
            let values = request.headers[name] ?? []
            let shown = secretHeaders.contains(name.lowercased())
                ? values.map { "<\($0.count) characters, not shown>" } : values
            lines.append("\(name): \(shown.joined(separator: ", "))")
        }
        lines.append(bodyLine(request.body))
        return lines
    }

    private static func bodyLine(_ body: Data?) -> String {
        guard let body, !body.isEmpty else { return "(no body)" }
        let kind = JSONParser.parse(body) != nil ? "JSON" : String(data: body, encoding: .utf8) != nil ? "text" : "binary"
        return "(body: \(body.count) bytes, \(kind))"
    }
}

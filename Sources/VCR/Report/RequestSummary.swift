import Foundation

/// The lines that show a request in reports: method and URL, headers sorted by
/// name with credentials masked, and the body's size.
enum RequestSummary {
    /// Headers whose values are credentials, lowercased: the headers
    /// redaction replaces by default; reports show their values' length only.
    private static let secretHeaders = Set(VCR.Redaction.defaultHeaders.map { $0.lowercased() })

    static func lines(of request: InterceptedRequest) -> [String] {
        var lines = ["\(request.method) \(request.url)"]
        for name in request.headers.keys.sorted(by: { $0.lowercased() < $1.lowercased() }) {
            lines.append("\(name): \(shown(request.headers[name] ?? [], of: name).joined(separator: ", "))")
        }
        lines.append(bodyLine(request.body))
        return lines
    }

    /// The values as reports show them: a credential's values by their length only.
    static func shown(_ values: [String], of name: String) -> [String] {
        secretHeaders.contains(name.lowercased()) ? values.map { "<\($0.count) characters, not shown>" } : values
    }

    private static func bodyLine(_ body: Data?) -> String {
        guard let body, !body.isEmpty else { return "(no body)" }
        let kind =
            JSONParser.parse(body) != nil ? "JSON" : String(data: body, encoding: .utf8) != nil ? "text" : "binary"
        return "(body: \(body.count) bytes, \(kind))"
    }
}

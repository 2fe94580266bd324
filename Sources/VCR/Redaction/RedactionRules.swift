import Foundation
import VCRCassette

/// A ``VCR/Redaction`` prepared once per VCR: names lowercased, paths parsed.
struct RedactionRules: Sendable {
    private let headers: Set<String>
    private let allowedRequestHeaders: Set<String>?
    private let query: QueryRedaction
    private let json: JSONRedaction
    /// The text that replaces a redacted value.
    let placeholder: String
    /// Whether cassettes are scanned for secrets from the environment before saving.
    let scansEnvironment: Bool

    /// The rules of the default ``VCR/Redaction``, prepared once per process.
    static let standard = RedactionRules(VCR.Redaction())

    /// The rules of `redaction`: those of the default are prepared once, as
    /// preparing them took 18 K instructions of opening a VCR (callgrind).
    static func prepared(for redaction: VCR.Redaction) -> RedactionRules {
        redaction == VCR.Redaction() ? standard : RedactionRules(redaction)
    }

    init(_ redaction: VCR.Redaction) {
        headers = Set(redaction.headers.map { $0.lowercased() })
        allowedRequestHeaders = redaction.allowedRequestHeaders.map { Set($0.map { $0.lowercased() }) }
        query = QueryRedaction(names: redaction.queryParameters, placeholder: redaction.placeholder)
        json = JSONRedaction(paths: redaction.jsonBodyPaths, placeholder: redaction.placeholder)
        scansEnvironment = redaction.scansEnvironment
        placeholder = redaction.placeholder
    }

    /// A live request as it is matched: redacted as it would be recorded.
    func redact(_ request: InterceptedRequest) -> InterceptedRequest {
        var redacted = request
        redacted.url = query.redactingURL(request.url)
        redacted.headers = redactingHeaders(request.headers, allowList: allowedRequestHeaders)
        redacted.body = request.body.map { redactingBody($0, headers: request.headers) }
        return redacted
    }

    /// The values the redaction of a live request replaces in `request`:
    /// those of the redacted headers (and their words, such as the token after
    /// `Bearer`) and of the redacted query parameters and form fields, so that
    /// messages can mask them wherever else they appear.
    func replacedValues(in request: InterceptedRequest) -> [String] {
        var values: [String] = []
        for (name, fieldValues) in request.headers where headers.contains(name.lowercased()) {
            for value in fieldValues {
                values.append(value)
                values += value.split(separator: " ").map(String.init)
            }
        }
        values += query.namedValues(inURL: request.url)
        if let body = request.body, MediaType.isForm(MediaType.contentType(in: request.headers) ?? "") {
            values += query.namedValues(inForm: body)
        }
        return values.filter { $0 != placeholder }
    }

    /// A request as it is written and matched.
    func redact(_ request: RecordedRequest) -> RecordedRequest {
        var redacted = request
        redacted.url = query.redactingURL(request.url)
        redacted.requestURI = query.redactingURL(request.requestURI)
        redacted.headers = redactingHeaders(request.headers, allowList: allowedRequestHeaders)
        redacted.body = redactingBody(request.body, headers: request.headers)
        redacted.form = query.redactingForm(request.form)
        return redacted
    }

    /// A response as it is written.
    func redact(_ response: RecordedResponse) -> RecordedResponse {
        var redacted = response
        redacted.headers = redactingHeaders(response.headers, allowList: nil)
        redacted.body = json.redacting(response.body)
        return redacted
    }

    private func redactingHeaders(_ fields: [String: [String]], allowList: Set<String>?) -> [String: [String]] {
        if allowList == nil, !fields.keys.contains(where: { headers.contains($0.lowercased()) }) { return fields }
        var result: [String: [String]] = [:]
        for (name, values) in fields {
            let lowered = name.lowercased()
            if let allowList, !allowList.contains(lowered) { continue }
            result[name] = headers.contains(lowered) ? values.map { _ in placeholder } : values
        }
        return result
    }

    private func redactingBody(_ body: Data, headers: [String: [String]]) -> Data {
        if query.redactsNames, MediaType.isForm(MediaType.contentType(in: headers) ?? "") {
            return query.redactingForm(body)
        }
        return json.redacting(body)
    }
}

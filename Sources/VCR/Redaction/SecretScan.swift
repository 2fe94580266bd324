import Foundation
import VCRCassette

/// Finds, in interactions about to be saved, the values of environment
/// variables whose names look secret, in any form ``SecretFinder`` knows:
/// in URLs, header names and values, forms, trailers and bodies (decompressed
/// too when stored compressed), request and response.
struct SecretScan: Sendable {
    /// A secret found: the variable's name and where its value is.
    struct Finding: Sendable, Hashable {
        var variable: String
        var place: String
    }

    private let finder: SecretFinder

    /// Looks for the secret-looking variables of `environment`.
    init(environment: [String: String]) {
        finder = SecretFinder(SecretFinder.environmentSecrets(environment))
    }

    /// Each variable whose value appears in the interactions, with the first
    /// place it appears, sorted by variable name. Each text is decoded once,
    /// whatever the number of variables.
    func findings(in interactions: [Interaction]) -> [Finding] {
        guard !finder.isEmpty else { return [] }
        var remaining = Set(finder.secrets.indices)
        var places: [Int: String] = [:]
        search: for interaction in interactions {
            for field in Self.texts(of: interaction) {
                for secret in finder.secretsFound(in: field.text, among: remaining) {
                    places[secret] = "interaction \(interaction.id) \(place(of: field))"
                    remaining.remove(secret)
                }
                if remaining.isEmpty { break search }
            }
        }
        return places.sorted { $0.key < $1.key }.map { Finding(variable: finder.secrets[$0.key].name, place: $0.value) }
    }

    /// A text of an interaction: what kind of field it is, the field's name
    /// for headers, forms and trailers, and its bytes.
    private struct Field {
        var kind: String
        var name: String?
        var text: [UInt8]
    }

    /// Where a finding is: the field's kind and name, or its kind alone when
    /// the name itself holds a secret.
    private func place(of field: Field) -> String {
        guard let name = field.name,
            finder.secretsFound(in: Array(name.utf8), among: Set(finder.secrets.indices)).isEmpty
        else { return field.kind }
        return "\(field.kind) \(name)"
    }

    /// The interaction's texts, in the order findings name their first place.
    private static func texts(of interaction: Interaction) -> [Field] {
        let request = interaction.request
        let response = interaction.response
        var texts = [
            Field(kind: "request URL", text: Array(request.url.utf8)),
            Field(kind: "request URI", text: Array(request.requestURI.utf8)),
            Field(kind: "request host", text: Array(request.host.utf8)),
        ]
        texts += fields(request.headers, as: "request header")
        texts += fields(request.form, as: "request form field")
        texts += fields(request.trailer, as: "request trailer")
        texts += bodies(request.body, headers: request.headers, as: "request body")
        texts += fields(response.headers, as: "response header")
        texts += fields(response.trailer, as: "response trailer")
        texts += bodies(response.body, headers: response.headers, as: "response body")
        return texts
    }

    /// The body as stored and, when it is stored compressed, decompressed.
    private static func bodies(_ body: Data, headers: [String: [String]], as kind: String) -> [Field] {
        let encodings = headers.filter { $0.key.lowercased() == "content-encoding" }.flatMap(\.value)
        let decompressed = BodyDecompression.decompressed(body, encodings: encodings)
        return [Field(kind: kind, text: Array(body))]
            + (decompressed.map { [Field(kind: "\(kind), decompressed", text: $0)] } ?? [])
    }

    /// One text per field, its name and values on lines of their own.
    private static func fields(_ fields: [String: [String]], as kind: String) -> [Field] {
        fields.sorted { $0.key < $1.key }.map { name, values in
            Field(kind: kind, name: name, text: Array(([name] + values).joined(separator: "\n").utf8))
        }
    }
}

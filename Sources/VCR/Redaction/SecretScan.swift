import Foundation
import VCRCassette

/// Finds, in interactions about to be saved, the values of environment
/// variables whose names look secret.
struct SecretScan: Sendable {
    /// The name endings that make a variable secret-looking.
    static let nameSuffixes = ["KEY", "TOKEN", "SECRET", "PASSWORD"]
    /// The shortest value looked for: shorter ones match by chance.
    static let minimumLength = 8

    /// A secret found: the variable's name and where its value is.
    struct Finding: Sendable, Hashable {
        var variable: String
        var place: String
    }

    private let secrets: [(name: String, value: Data)]

    /// Looks for the secret-looking variables of `environment`.
    init(environment: [String: String]) {
        secrets = environment.compactMap { name, value in
            let upper = name.uppercased()
            guard value.count >= Self.minimumLength, Self.nameSuffixes.contains(where: upper.hasSuffix) else {
                return nil
            }
            return (name, Data(value.utf8))
        }.sorted { $0.name < $1.name }
    }

    /// Each variable whose value appears in the interactions, with the first place it appears.
    func findings(in interactions: [Interaction]) -> [Finding] {
        guard !secrets.isEmpty else { return [] }
        var findings: [Finding] = []
        for (name, value) in secrets {
            for interaction in interactions {
                if let place = place(of: value, in: interaction) {
                    findings.append(Finding(variable: name, place: "interaction \(interaction.id) \(place)"))
                    break
                }
            }
        }
        return findings
    }

    private func place(of value: Data, in interaction: Interaction) -> String? {
        let request = interaction.request
        let response = interaction.response
        let texts: [(String, [String])] = [
            ("request URL", [request.url, request.url.removingPercentEncoding ?? "", request.requestURI, request.host]),
            ("request headers", Self.texts(of: request.headers)),
            ("request form", Self.texts(of: request.form)),
            ("request trailer", Self.texts(of: request.trailer)),
            ("response headers", Self.texts(of: response.headers)),
            ("response trailer", Self.texts(of: response.trailer)),
        ]
        for (place, strings) in texts where strings.contains(where: { Data($0.utf8).range(of: value) != nil }) {
            return place
        }
        if request.body.range(of: value) != nil { return "request body" }
        if response.body.range(of: value) != nil { return "response body" }
        return nil
    }

    private static func texts(of fields: [String: [String]]) -> [String] {
        fields.flatMap { [$0.key] + $0.value }
    }
}

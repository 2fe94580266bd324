import Foundation
import VCRCassette

/// The checks behind `vcr lint`.
///
/// A cassette the reader rejects has one problem, the reader's error. A cassette
/// it accepts is also checked for what the reader lets through but is wrong:
/// interaction ids that do not count 0, 1, 2… in file order, a `code` that
/// disagrees with the number in `status`, and a request `url` that is not an
/// absolute URL.
enum CassetteLinter {
    /// The problems in a cassette's YAML text, in file order; `path` names it in each problem.
    static func problems(in yaml: Data, path: String) -> [LintProblem] {
        let cassette: Cassette
        do {
            cassette = try Cassette(yaml: yaml, path: path)
        } catch {
            return [LintProblem(error)]
        }
        let outline = CassetteOutline(yaml: yaml)
        var problems: [LintProblem] = []
        for (index, interaction) in cassette.interactions.enumerated() {
            let positions = index < outline.interactions.count ? outline.interactions[index] : nil
            if interaction.id != index {
                problems.append(LintProblem(
                    path: path,
                    at: positions.map { $0.id ?? $0.start },
                    message: "expected id \(index), found \(interaction.id): ids count 0, 1, 2… in file order"
                ))
            }
            if !isAbsoluteURL(interaction.request.url) {
                problems.append(LintProblem(
                    path: path,
                    at: positions.map { $0.url ?? $0.request ?? $0.start },
                    message: "expected an absolute URL with a scheme and a host for `url`, "
                        + "found \(JSONValue.quoted(interaction.request.url))"
                ))
            }
            let response = interaction.response
            if let number = leadingNumber(of: response.status), number != response.code {
                problems.append(LintProblem(
                    path: path,
                    at: positions.map { $0.code ?? $0.status ?? $0.start },
                    message: "expected `code` \(number) to match `status` \(JSONValue.quoted(response.status)), "
                        + "found \(response.code)"
                ))
            }
        }
        return problems.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// Whether `text` parses as a URL (RFC 3986) with a scheme and a non-empty host.
    static func isAbsoluteURL(_ text: String) -> Bool {
        guard let components = URLComponents(string: text), let scheme = components.scheme, let host = components.host else {
            return false
        }
        return !scheme.isEmpty && !host.isEmpty
    }

    /// The number a status text such as `404 Not Found` starts with, if it starts with digits.
    static func leadingNumber(of status: String) -> Int? {
        Int(status.prefix { $0.isASCII && $0.isNumber })
    }
}

import Foundation
import VCR
import VCRCassette

/// The checks behind `vcr lint`.
///
/// A cassette the reader rejects has one problem, an error: go-vcr cannot load it,
/// or replay could not serve it. A cassette it accepts is also checked for what
/// replay cannot serve (a response without a status code) and, as warnings, for
/// what go-vcr accepts but is unusual: interaction ids that do not count 0, 1,
/// 2… in file order, a `code` that disagrees with the number in `status`, and a
/// request `url` that is not an absolute URL with a host.
enum CassetteLinter {
    /// The problems in the cassette file at `path`, in file order. The file is
    /// read in chunks as the reader reads it, never whole, and no body is kept.
    static func problems(inFileAt path: String) -> [LintProblem] {
        do {
            let (cassette, outline) = try Cassette.outlined(
                contentsOf: URL(fileURLWithPath: path), requiringServableResponses: true, keepingBodies: false)
            return problems(in: cassette, outline: outline, path: path)
        } catch {
            return [LintProblem(error)]
        }
    }

    /// The problems in a cassette the reader accepted, placed by its outline.
    private static func problems(in cassette: Cassette, outline: CassetteOutline, path: String) -> [LintProblem] {
        var problems: [LintProblem] = []
        for (index, interaction) in cassette.interactions.enumerated() {
            let positions = index < outline.interactions.count ? outline.interactions[index] : nil
            let response = interaction.response
            if !HTTPFieldRules.statusCodes.contains(response.code) {
                problems.append(
                    LintProblem(
                        .error, path: path,
                        at: positions.map { $0.response ?? $0.start },
                        message: "expected a response with a `code` from 100 to 599, found none: "
                            + "replay cannot serve interaction \(interaction.id)"
                    ))
            } else if let number = leadingNumber(of: response.status), number != response.code {
                problems.append(
                    LintProblem(
                        .warning, path: path,
                        at: positions.map { $0.code ?? $0.status ?? $0.start },
                        message: "expected `code` \(number) to match `status` \(JSONString.quoted(response.status)), "
                            + "found \(response.code)"
                    ))
            }
            if interaction.id != index {
                problems.append(
                    LintProblem(
                        .warning, path: path,
                        at: positions.map { $0.id ?? $0.start },
                        message: "expected id \(index), found \(interaction.id): ids count 0, 1, 2… in file order"
                    ))
            }
            if !isAbsoluteURL(interaction.request.url) {
                problems.append(
                    LintProblem(
                        .warning, path: path,
                        at: positions.map { $0.url ?? $0.request ?? $0.start },
                        message: "expected an absolute URL with a scheme and a host for `url`, "
                            + "found \(JSONString.quoted(interaction.request.url))"
                    ))
            }
        }
        return problems.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// Whether `text` parses as a URL (RFC 3986) with a scheme and a non-empty host.
    static func isAbsoluteURL(_ text: String) -> Bool {
        guard let components = URLComponents(string: text), let scheme = components.scheme, let host = components.host
        else {
            return false
        }
        return !scheme.isEmpty && !host.isEmpty
    }

    /// The number a status text such as `404 Not Found` starts with, if it starts with digits.
    static func leadingNumber(of status: String) -> Int? {
        Int(status.prefix { $0.isASCII && $0.isNumber })
    }
}

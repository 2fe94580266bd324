import Foundation

/// The one place every message the VCR prints or throws passes through: masks
/// what the secret scan would refuse (the value of a secret-looking
/// environment variable, in any form ``SecretFinder`` knows) as
/// `<redacted: matches NAME>`, and values the redaction rules replaced in the
/// request the message is about, wherever else they appear, as the rules'
/// placeholder. The rest of the text is kept.
struct MessageMask: Sendable {
    private let finder: SecretFinder
    private let replacements: [String]

    /// Masks the secrets of `environment`, and `replacedValues` by `placeholder`.
    init(
        environment: [String: String] = ProcessInfo.processInfo.environment, replacedValues: [String] = [],
        placeholder: String = VCR.Redaction.defaultPlaceholder
    ) {
        let secrets = SecretFinder.environmentSecrets(environment)
        let known = Set(replacedValues).sorted().map { SecretFinder.Secret(name: placeholder, value: $0) }
        finder = SecretFinder(secrets + known)
        replacements = finder.secrets.enumerated().map { offset, secret in
            offset < secrets.count ? "<redacted: matches \(secret.name)>" : placeholder
        }
    }

    /// `text` with every secret replaced; overlapping matches are masked as one.
    func masked(_ text: String) -> String {
        guard !finder.isEmpty else { return text }
        let bytes = Array(text.utf8)
        let matches = finder.matches(in: bytes).sorted { $0.range.lowerBound < $1.range.lowerBound }
        guard !matches.isEmpty else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var position = 0
        var index = 0
        while index < matches.count {
            let first = matches[index]
            var upper = first.range.upperBound
            index += 1
            while index < matches.count, matches[index].range.lowerBound < upper {
                upper = max(upper, matches[index].range.upperBound)
                index += 1
            }
            output += bytes[position..<max(position, first.range.lowerBound)]
            output += replacements[first.secret].utf8
            position = max(position, upper)
        }
        output += bytes[position...]
        return String(decoding: output, as: UTF8.self)
    }

    /// `text` with the secrets of the process's environment masked.
    static func masked(_ text: String) -> String {
        MessageMask().masked(text)
    }

    /// A request as a message names it, `METHOD URL`: its URL redacted by
    /// `rules`, and masked.
    static func requestLine(method: String, url: String, rules: RedactionRules) -> String {
        let request = InterceptedRequest(method: method, url: url)
        let mask = MessageMask(replacedValues: rules.replacedValues(in: request), placeholder: rules.placeholder)
        return mask.masked("\(method) \(rules.redact(request).url)")
    }
}

extension VCR {
    /// `text` with the value of every secret-looking environment variable
    /// (as the secret scan finds them, in any form) replaced by
    /// `<redacted: matches NAME>`: for messages built on a VCR's reports, such
    /// as test glue's, which the VCR's own messages already are.
    public static func maskingSecrets(in text: String) -> String {
        MessageMask.masked(text)
    }
}

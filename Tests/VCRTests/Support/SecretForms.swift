import Foundation
import Testing

/// A fake secret set in this process's environment under a name of its own
/// (tests run in parallel in one process), and the forms traffic carries it in.
final class EnvironmentSecret: Sendable {
    /// The variable's name, ending in `_TOKEN`.
    let name: String
    /// The value: a `/` (which `JSONSerialization` writes as `\/`), a `+`, a
    /// space and non-ASCII characters around two unique parts.
    let value: String
    /// The unique parts of the value, which no message may show.
    let parts: [String]

    /// Sets a new secret in the environment; it is removed when this goes away.
    init(_ label: String) {
        let first = String(UUID().uuidString.prefix(8))
        let second = String(UUID().uuidString.suffix(8))
        name = "VCR_TEST_\(label.uppercased())_\(UUID().uuidString.prefix(8))_TOKEN"
        value = "Zk/\(first)+é ü\(second)/9"
        parts = [first, second]
        setenv(name, value, 1)
    }

    deinit { unsetenv(name) }

    /// What a message shows in place of the secret.
    var mask: String { "<redacted: matches \(name)>" }

    /// The forms the secret can take, each named: raw, JSON-escaped (as
    /// `JSONSerialization` writes it, every character as `\uXXXX` in either
    /// case, mixed), percent-encoded (either case, `+` for a space, mixed),
    /// base64 (standard and URL-safe at each alignment, `user:secret`, and
    /// inside JSON).
    var forms: [(name: String, text: String)] {
        let bytes = Data(value.utf8)
        return [
            ("raw", value),
            ("JSONSerialization", Self.jsonString(value)),
            ("\\u lowercase", Self.unicodeEscaped(value, uppercase: false, every: 1)),
            ("\\u uppercase", Self.unicodeEscaped(value, uppercase: true, every: 1)),
            ("\\u mixed with raw", Self.unicodeEscaped(value, uppercase: true, every: 2)),
            ("percent uppercase", Self.percentEncoded(value, uppercase: true, keepsAlphanumerics: false)),
            ("percent lowercase, + for space", Self.percentEncoded(value, uppercase: false, keepsAlphanumerics: true)),
            ("base64", bytes.base64EncodedString()),
            ("base64 URL-safe, offset 1", Self.urlSafe(Data("x".utf8 + bytes).base64EncodedString())),
            ("base64, offset 2", Data("xy".utf8 + bytes + Data("tail".utf8)).base64EncodedString()),
            ("base64 of user:secret", "Basic " + Data("user:\(value)".utf8).base64EncodedString()),
            ("base64 in JSON", Self.jsonString(Data("ab".utf8 + bytes).base64EncodedString())),
        ]
    }

    /// The forms a header value can carry (ASCII only).
    var asciiForms: [(name: String, text: String)] {
        forms.filter { $0.text.allSatisfy(\.isASCII) }
    }

    /// Checks that `message` shows the secret in none of its forms.
    func expectHidden(in message: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for part in parts {
            #expect(!message.contains(part), "\(what) shows the secret", sourceLocation: sourceLocation)
        }
        for form in forms {
            let text = form.text
            let middle = text.dropFirst(text.count / 3).prefix(max(8, text.count / 3))
            #expect(
                !message.contains(middle), "\(what) shows the secret as \(form.name)", sourceLocation: sourceLocation)
        }
    }

    /// A JSON string literal as `JSONSerialization` writes it, without quotes.
    private static func jsonString(_ text: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [text])) ?? Data()
        return String(decoding: data.dropFirst(2).dropLast(2), as: UTF8.self)
    }

    private static func unicodeEscaped(_ text: String, uppercase: Bool, every step: Int) -> String {
        text.unicodeScalars.enumerated().map { offset, scalar in
            guard offset % step == 0 else { return scalar == "/" ? "\\/" : String(scalar) }
            let hex = String(scalar.value, radix: 16, uppercase: uppercase)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }.joined()
    }

    private static func percentEncoded(_ text: String, uppercase: Bool, keepsAlphanumerics: Bool) -> String {
        text.utf8.map { byte in
            let scalar = Unicode.Scalar(byte)
            if keepsAlphanumerics, byte < 0x80, CharacterSet.alphanumerics.contains(scalar) { return String(scalar) }
            if keepsAlphanumerics, byte == UInt8(ascii: " ") { return "+" }
            let hex = String(byte, radix: 16, uppercase: uppercase)
            return "%" + (hex.count == 1 ? "0" : "") + hex
        }.joined()
    }

    private static func urlSafe(_ base64: String) -> String {
        base64.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
    }
}

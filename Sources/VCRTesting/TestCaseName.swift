#if canImport(Testing)
import Testing

/// The file name a case of a parameterized test records into, made from the
/// case's arguments so that the same case finds the same cassette in every run.
///
/// Each argument is described as the test's output shows it (a string as it
/// is, a value conforming to `CustomTestStringConvertible` by its
/// `testDescription`, anything else by `String(describing:)`); the
/// descriptions are joined with `-`, and every run of characters other than
/// letters, digits, `_`, `.` and `-` becomes one `-`. When that changed the
/// text, or there are several arguments, or the name is longer than
/// ``maximumLength``, a hash of the full descriptions follows, so that two
/// cases never share a name; a repeated argument gets the case's
/// discriminator. Swift Testing does not publish a case's arguments, so they
/// are read by reflection; when that finds none, the name is `case-` and a
/// hash of the case.
enum TestCaseName {
    /// The longest name kept before the hash.
    static let maximumLength = 64

    /// The name of `testCase`; nil when its test is not parameterized.
    static func of(_ testCase: Test.Case?) -> String? {
        guard let testCase, testCase.isParameterized else { return nil }
        guard let arguments = Reflection.child("arguments", of: testCase).map(Reflection.elements) else {
            return "case-" + hash(String(describing: testCase))
        }
        let descriptions = arguments.map { argument in
            describe(Reflection.child("value", of: argument) ?? argument)
        }
        let discriminator = Reflection.child("discriminator", of: testCase) as? Int ?? 0
        return name(describing: descriptions, discriminator: discriminator)
    }

    /// The name of a case whose arguments read `descriptions`.
    static func name(describing descriptions: [String], discriminator: Int = 0) -> String {
        let raw = descriptions.joined(separator: "-")
        var sanitized = ""
        for character in raw {
            if character.isLetter || character.isNumber || character == "_" || character == "." || character == "-" {
                sanitized.append(character)
            } else if !sanitized.hasSuffix("-") {
                sanitized.append("-")
            }
        }
        sanitized = String(sanitized.drop { $0 == "-" || $0 == "." })
        while sanitized.hasSuffix("-") { sanitized.removeLast() }
        var name = String(sanitized.prefix(maximumLength))
        if name.isEmpty {
            name = "case-" + hash(descriptions.joined(separator: "\u{0}"))
        } else if name != raw || descriptions.count > 1 {
            name += "-" + hash(descriptions.joined(separator: "\u{0}"))
        }
        return discriminator > 0 ? "\(name)-\(discriminator)" : name
    }

    private static func describe(_ value: Any) -> String {
        switch value {
        case let string as String: string
        case let described as any CustomTestStringConvertible: described.testDescription
        default: String(describing: value)
        }
    }

    /// Eight hexadecimal digits of FNV-1a over `text`'s UTF-8, the same in every run.
    static func hash(_ text: String) -> String {
        var value: UInt32 = 0x811C_9DC5
        for byte in text.utf8 {
            value = (value ^ UInt32(byte)) &* 0x0100_0193
        }
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}

/// Reads stored properties Swift Testing does not make public.
private enum Reflection {
    /// The value of the first property labelled `label`, searched breadth-first a few levels down.
    static func child(_ label: String, of value: Any) -> Any? {
        var level: [Any] = [value]
        for _ in 0..<4 {
            var next: [Any] = []
            for item in level {
                for child in Mirror(reflecting: item).children {
                    if child.label == label { return child.value }
                    next.append(child.value)
                }
            }
            level = next
        }
        return nil
    }

    /// The elements of a collection, read by reflection.
    static func elements(_ collection: Any) -> [Any] {
        let mirror = Mirror(reflecting: collection)
        switch mirror.displayStyle {
        case .collection: return mirror.children.map(\.value)
        case .optional: return mirror.children.first.map { elements($0.value) } ?? []
        default: return [collection]
        }
    }
}
#endif

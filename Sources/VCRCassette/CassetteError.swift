/// A problem reading or writing a cassette, with the place it was found.
///
/// The description reads `path:line:column: message`, the form editors and
/// `vcr lint` understand.
public struct CassetteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Hashable {
        /// The file could not be read or written (missing, a directory, no permission).
        case io
        /// The text is not well-formed YAML, or not valid UTF-8 outside `!!binary`.
        case syntax
        /// A node of the wrong type, such as a list where a map belongs.
        case unexpectedNode
        /// A scalar that does not parse as its field's type (integer, duration, base64).
        case invalidValue
        /// A `version` other than 2.
        case unsupportedVersion
        /// An anchor or alias; cassettes never contain them.
        case alias
        /// Nesting deeper than any cassette needs.
        case tooDeep
    }

    /// What went wrong.
    public var kind: Kind
    /// The file's path, or a name given to in-memory input.
    public var path: String
    /// The 1-based line of the problem; 0 when it has no position.
    public var line: Int
    /// The 1-based column of the problem; 0 when it has no position.
    public var column: Int
    /// What was found and what was expected.
    public var message: String

    /// Creates an error.
    package init(_ kind: Kind, path: String, line: Int = 0, column: Int = 0, message: String) {
        self.kind = kind
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        line > 0 ? "\(path):\(line):\(column): \(message)" : "\(path): \(message)"
    }
}

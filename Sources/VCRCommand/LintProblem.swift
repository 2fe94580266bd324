import VCRCassette

/// One problem `vcr lint` reports, printed as `path:line:column: message`.
struct LintProblem: Hashable, CustomStringConvertible {
    /// The cassette's path as the user gave it.
    var path: String
    /// The 1-based line; 0 when the problem has no position (the file could not be read).
    var line: Int
    /// The 1-based column; 0 when the problem has no position.
    var column: Int
    /// What is wrong.
    var message: String

    /// A problem at a position in the cassette's text, or in the whole file when `position` is nil.
    init(path: String, at position: CassetteOutline.Position?, message: String) {
        self.path = path
        self.line = position?.line ?? 0
        self.column = position?.column ?? 0
        self.message = message
    }

    /// A problem the reader rejected the cassette for.
    init(_ error: CassetteError) {
        path = error.path
        line = error.line
        column = error.column
        message = error.message
    }

    var description: String {
        line > 0 ? "\(path):\(line):\(column): \(message)" : "\(path): \(message)"
    }
}

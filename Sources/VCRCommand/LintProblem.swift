import VCRCassette

/// One problem `vcr lint` reports, printed as `path:line:column: message`, or
/// `path:line:column: warning: message` for a warning.
struct LintProblem: Hashable, CustomStringConvertible {
    /// How serious a problem is.
    enum Severity: Hashable {
        /// go-vcr cannot load the cassette, or replay cannot serve an interaction.
        case error
        /// go-vcr accepts it, but it is unusual; fails lint only with `--strict`.
        case warning
    }

    /// How serious the problem is.
    var severity: Severity
    /// The cassette's path as the user gave it.
    var path: String
    /// The 1-based line; 0 when the problem has no position (the file could not be read).
    var line: Int
    /// The 1-based column; 0 when the problem has no position.
    var column: Int
    /// What is wrong.
    var message: String

    /// A problem at a position in the cassette's text, or in the whole file when `position` is nil.
    init(_ severity: Severity, path: String, at position: CassetteOutline.Position?, message: String) {
        self.severity = severity
        self.path = path
        self.line = position?.line ?? 0
        self.column = position?.column ?? 0
        self.message = message
    }

    /// The error the reader rejected the cassette for.
    init(_ error: CassetteError) {
        severity = .error
        path = error.path
        line = error.line
        column = error.column
        message = error.message
    }

    var description: String {
        let text = severity == .warning ? "warning: \(message)" : message
        return line > 0 ? "\(path):\(line):\(column): \(text)" : "\(path): \(text)"
    }
}

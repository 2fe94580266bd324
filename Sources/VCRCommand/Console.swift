import Foundation

/// Where a command's text goes: the process's standard output and error, or buffers in tests.
struct Console {
    /// Receives text meant for standard output.
    var output: (String) -> Void
    /// Receives text meant for standard error.
    var error: (String) -> Void

    /// Writes `line` and a line break to standard output.
    func print(_ line: String) {
        output(line + "\n")
    }

    /// Writes `line` and a line break to standard error.
    func printError(_ line: String) {
        error(line + "\n")
    }

    /// The process's standard output and standard error, unbuffered.
    static var standard: Console {
        Console(
            output: { FileHandle.standardOutput.write(Data($0.utf8)) },
            error: { FileHandle.standardError.write(Data($0.utf8)) }
        )
    }
}

import ArgumentParser

/// A subcommand that writes through a ``Console`` and returns its exit code,
/// so that tests can run it in-process and read what it printed.
protocol ConsoleCommand: ParsableCommand {
    /// Runs the command, writing to `console`, and returns the process's exit code.
    func run(on console: Console) -> ExitCode
}

extension ConsoleCommand {
    func run() throws {
        let exitCode = run(on: .standard)
        guard exitCode == .success else { throw exitCode }
    }
}

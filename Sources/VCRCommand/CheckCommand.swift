import ArgumentParser
import Foundation
import VCR
import VCRCassette

/// `vcr check`: replays every recorded request through URLSession with the
/// interceptor and verifies that the responses arrive as recorded.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Replay cassettes through URLSession and verify the responses.",
        discussion: """
            For each interaction, rebuilds the recorded request (method, URL, headers, body) \
            and sends it through a URLSession whose interceptor replays the cassette: once \
            through a data delegate and once through data(for:). The status, the headers and \
            the body bytes must equal the recording, and on the delegate path a streamed body \
            must arrive in more than one chunk.

            Prints one line per failing interaction and path, then `N passed, M failed` \
            counting interactions. Exits with 0 when every interaction passed, 1 otherwise \
            (an unreadable cassette fails too).

            Example:
              $ vcr check Cassettes
              2 passed, 0 failed
            """
    )

    @Argument(help: "Cassette files, or directories to search for .yaml and .yml files.")
    var paths: [String]

    /// Checks on standard output and error; exits with 1 when anything failed.
    func run() async throws {
        let exitCode = await run(on: .standard)
        guard exitCode == .success else { throw exitCode }
    }

    /// Checks every cassette `paths` names, writing to `console`, and returns the process's exit code.
    func run(on console: Console) async -> ExitCode {
        let (files, errors) = CassetteFiles.expand(paths)
        errors.forEach { console.printError($0.description) }
        var passed = 0
        var failed = 0
        var unreadable = !errors.isEmpty
        for file in files {
            let cassette: Cassette
            do {
                cassette = try Cassette(contentsOf: URL(fileURLWithPath: file))
            } catch {
                console.printError(error.description)
                unreadable = true
                continue
            }
            let outcome = await ReplayCheck.run(cassette, path: file)
            outcome.failures.forEach { console.print("\(file): \($0)") }
            passed += outcome.passedCount
            failed += outcome.failedCount
        }
        console.print("\(passed) passed, \(failed) failed")
        return failed == 0 && !unreadable ? .success : .failure
    }
}

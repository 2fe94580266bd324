import ArgumentParser
import Foundation
import TestSupport
import Testing

@testable import VCRCommand

/// What a command printed, and the exit code it returned.
struct CommandResult {
    var output = ""
    var error = ""
    var exitCode = ExitCode.success

    /// The standard output's lines, without the final line break.
    var outputLines: [String] {
        output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }
}

/// Parses `arguments` as the `vcr` command line and runs the subcommand in-process.
func runVCR(_ arguments: [String]) throws -> CommandResult {
    let parsed = try VCRCommand.parseAsRoot(arguments)
    let command = try #require(parsed as? any ConsoleCommand)
    let transcript = Transcript()
    let console = Console(output: { transcript.result.output += $0 }, error: { transcript.result.error += $0 })
    transcript.result.exitCode = command.run(on: console)
    return transcript.result
}

/// Collects a command's output.
private final class Transcript {
    var result = CommandResult()
}

/// Corpus cassettes the command tests read besides ``PackageFiles/seedCassette``.
enum Fixtures {
    /// A Bedrock cassette whose response body is a binary AWS event stream.
    static let bedrockStreaming = PackageFiles.corpus.appendingPathComponent(
        "fantasy/TestBedrockCommon/bedrock-anthropic-claude-haiku-4-5/simple_streaming.yaml"
    )

    /// A generated cassette in go-vcr's indented layout, full of awkward values.
    static let generated = PackageFiles.corpus.appendingPathComponent("generated/gen_7_0001.yaml")

    /// Every cassette in the corpus, sorted.
    static var corpusCassettes: [URL] { PackageFiles.cassettes(under: PackageFiles.corpus) }
}

/// Runs `body` with the path of a new empty directory that is removed afterwards.
@discardableResult
func withTemporaryDirectory<Result>(_ body: (String) throws -> Result) throws -> Result {
    try TemporaryFolder.with("vcr-command-tests") { try body($0.path) }
}

/// Writes `text` to `path`, creating missing directories.
func write(_ text: String, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
}

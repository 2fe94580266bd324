import ArgumentParser
import Foundation
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

/// Files the tests read: the package's own cassettes and the test corpus.
enum Fixtures {
    /// The package root, derived from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The test corpus, `Tests/Fixtures/corpus`: `fantasy/` and `generated/` cassettes.
    static let corpus = packageRoot.appendingPathComponent("Tests/Fixtures/corpus")

    /// The seed cassette: OpenAI chat completions streaming parallel tool calls (compact layout).
    static let seed = packageRoot.appendingPathComponent("Cassettes/openai-chat-parallel-tool-calls.yaml")

    /// A Bedrock cassette whose response body is a binary AWS event stream.
    static let bedrockStreaming = corpus.appendingPathComponent(
        "fantasy/TestBedrockCommon/bedrock-anthropic-claude-haiku-4-5/simple_streaming.yaml"
    )

    /// A generated cassette in go-vcr's indented layout, full of awkward values.
    static let generated = corpus.appendingPathComponent("generated/gen_7_0001.yaml")

    /// Every cassette in the corpus, sorted.
    static var corpusCassettes: [URL] {
        let files = FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }
            .filter { ["yaml", "yml"].contains($0.pathExtension) } ?? []
        return files.sorted { $0.path < $1.path }
    }
}

/// Runs `body` with a new empty directory that is removed afterwards.
@discardableResult
func withTemporaryDirectory<Result>(_ body: (String) throws -> Result) throws -> Result {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("vcr-command-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try body(directory.path)
}

/// Writes `text` to `path`, creating missing directories.
func write(_ text: String, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
}

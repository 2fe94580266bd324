import Foundation

/// The package's own files the tests read, found from this file's path: the
/// package root, the project's `Cassettes/` and the fixtures under `Tests/Fixtures`.
package enum PackageFiles {
    /// The package root, the folder that holds `Package.swift`.
    package static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// The project's example cassettes, `Cassettes/`.
    package static let cassettes = packageRoot.appendingPathComponent("Cassettes")

    /// The seed cassette: OpenAI chat completions streaming parallel tool calls
    /// as SSE, 2 interactions, in the compact layout.
    package static let seedCassette = cassettes.appendingPathComponent("openai-chat-parallel-tool-calls.yaml")

    /// The test fixtures, `Tests/Fixtures`.
    package static let fixtures = packageRoot.appendingPathComponent("Tests/Fixtures")

    /// The test corpus, `Tests/Fixtures/corpus`: `fantasy/` and `generated/` cassettes.
    package static let corpus = fixtures.appendingPathComponent("corpus")

    /// Every `.yaml` file under `folder`, recursively, sorted by path.
    package static func cassettes(under folder: URL) -> [URL] {
        let files =
            FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }
            .filter { $0.pathExtension == "yaml" } ?? []
        return files.sorted { $0.path < $1.path }
    }
}

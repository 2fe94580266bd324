import Foundation

/// Files the example tests read besides their cassettes: the package root, found
/// from this file's path, and the seed recordings under `Tests/Fixtures/seeds`.
enum Fixtures {
    /// The package root, the folder holding `Package.swift`.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // ExampleTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// The project's example cassettes.
    static let cassettes = packageRoot.appendingPathComponent("Cassettes")

    /// The seed recordings: response bodies as the real services streamed them.
    static let seeds = packageRoot.appendingPathComponent("Tests/Fixtures/seeds")
}

import Foundation
import VCR

/// Files and settings the integration tests share.
enum Fixtures {
    /// The root of the swift-vcr repository, the folder above this package's.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // OpenAPITransportTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // IntegrationTests
        .deletingLastPathComponent()

    /// The seed cassette: OpenAI chat completions streamed as SSE, 2 interactions.
    static let seedCassette = repositoryRoot.appendingPathComponent("Cassettes/openai-chat-parallel-tool-calls.yaml")

    /// Options that keep mismatch reports off standard error.
    static let quiet = VCR.Options(printsMismatches: false)
}

import Foundation
import TestSupport
import Testing
import VCRCassette

/// The example cassettes' response bodies are the seed recordings, byte for byte.
@Suite struct SeedCassetteTests {
    @Test(arguments: [
        ("000_98d8c27929e674fb.txt", "OpenAIResponsesTests/parallelFunctionCalls.yaml"),
        ("001_d9ef67290e462482.txt", "OpenAIResponsesTests/textThenFunctionCall.yaml"),
        ("002_a16c84681b972a2b.txt", "OpenAIResponsesTests/structuredOutput.yaml"),
        ("003_9822f396aad3c717.txt", "XAIResponsesTests/testHaikuStreamsAsJSONLines.yaml"),
    ])
    func responseBodyIsTheSeed(seed: String, cassette: String) throws {
        let seedBytes = try Data(contentsOf: PackageFiles.fixtures.appendingPathComponent("seeds/\(seed)"))
        let loaded = try Cassette(contentsOf: PackageFiles.cassettes.appendingPathComponent(cassette))
        let interaction = try #require(loaded.interactions.first)
        #expect(loaded.interactions.count == 1)
        #expect(interaction.response.body == seedBytes)
        #expect(interaction.response.contentLength == -1)
        #expect(interaction.request.method == "POST")
        #expect(interaction.request.headers["Authorization"] == nil)
    }
}

import Foundation
import TestSupport
import Testing
import VCR
import VCRCassette
import VCRServer
import VCRServerTesting
import XCTest

/// `@Test(.cassetteServer(…))` serves the test's cassette and reaches it
/// through `CassetteServer.current`, with the test's VCR as its VCR.
@Suite struct CassetteServerTraitTests {
    @Test(.cassetteServer("openai-chat-parallel-tool-calls", mode: .never))
    func traitServesTheCassette() async throws {
        let server = try #require(CassetteServer.current)
        #expect(server.vcr === VCR.current)
        let interaction = try Cassette(contentsOf: PackageFiles.seedCassette).interactions[1]
        let response = try WireResponse.parseOne(
            try await Wire.exchange(ServerFixtures.request(for: interaction.request), port: server.port))
        #expect(response.status == 200)
        #expect(response.body == Array(interaction.response.body))
    }

    @Test func noServerOutsideTheTrait() {
        #expect(CassetteServer.current == nil)
    }
}

/// What `.cassetteServer(…)` leaves nil comes from the suite's `.cassettes(…)`, as for `.cassette(…)`.
@Suite(.cassettes(directory: "Tests/Fixtures/corpus/fantasy", mode: .never))
struct CassetteServerSuiteDefaultsTests {
    @Test(.cassetteServer("TestOpenAICommon/openai-gpt-4o-mini/multi_tool.yaml"))
    func theSuitesDirectoryApplies() throws {
        let server = try #require(CassetteServer.current)
        #expect(
            server.vcr.cassettePath.hasSuffix(
                "Tests/Fixtures/corpus/fantasy/TestOpenAICommon/openai-gpt-4o-mini/multi_tool.yaml"))
    }
}

/// `withCassetteServer { server in … }` does the same for XCTest.
final class WithCassetteServerTests: XCTestCase {
    func testServesTheCassetteAndClosesAfterwards() async throws {
        let interaction = try Cassette(contentsOf: PackageFiles.seedCassette).interactions[0]
        let port = try await withCassetteServer("openai-chat-parallel-tool-calls", mode: .never) { server in
            XCTAssertTrue(CassetteServer.current === server)
            let response = try WireResponse.parseOne(
                try await Wire.exchange(ServerFixtures.request(for: interaction.request), port: server.port))
            XCTAssertEqual(response.status, 200)
            XCTAssertEqual(response.body, Array(interaction.response.body))
            return server.port
        }
        XCTAssertNil(CassetteServer.current)
        // The server closed when the body returned.
        do {
            let bytes = try await Wire.exchange(ServerFixtures.request(for: interaction.request), port: port)
            XCTAssertTrue(bytes.isEmpty, "a closed server answered")
        } catch {}
    }
}

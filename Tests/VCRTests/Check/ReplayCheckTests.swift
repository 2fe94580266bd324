import Foundation
import Testing
import VCR
import VCRCassette

/// The engine of `vcr check`.
@Suite struct ReplayCheckTests {
    @Test(arguments: Fixtures.realCassettes)
    func everyRealCassetteReplaysAsRecorded(_ name: String) async throws {
        let url = Fixtures.url(ofRealCassette: name)
        let outcome = await ReplayCheck.run(try Cassette(contentsOf: url), path: url.path)
        #expect(outcome.failures.map(\.description) == [])
        #expect(outcome.passedCount == outcome.interactionCount)
        #expect(outcome.interactionCount > 0)
    }

    @Test func anInteractionThatCannotReplayFailsOnBothPaths() async {
        let cassette = Cassette(interactions: [
            Fixtures.interaction(0),
            Fixtures.interaction(1, url: "/relative/items"),
            Fixtures.interaction(2, url: "https://api.example.com/items?page=2"),
        ])
        let outcome = await ReplayCheck.run(cassette, path: "/c/check.yaml")
        #expect(outcome.interactionCount == 3)
        #expect(outcome.passedCount == 2)
        #expect(outcome.failedCount == 1)
        #expect(outcome.failures.map(\.path) == [.dataDelegate, .dataFor])
        #expect(outcome.failures.allSatisfy { $0.interactionID == 1 })
        #expect(
            outcome.failures.first?.description.hasPrefix("#1 GET /relative/items (data delegate): the request failed")
                == true)
    }

    @Test func aRecordingWhoseURLFoundationEscapesStillReplays() async {
        // URL(string:) escapes the space; URLs compare after percent-encoding is made uniform.
        let cassette = Cassette(interactions: [Fixtures.interaction(0, url: "https://api.example.com/a b")])
        let outcome = await ReplayCheck.run(cassette, path: "/c/space.yaml")
        #expect(outcome.failedCount == 0)
        #expect(outcome.passedCount == 1)
    }
}

import Foundation
import TestSupport
import Testing
import VCR
import VCRCassette

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `VCR_RECORD` values, and what each mode does with a cassette on disk.
@Suite struct RecordingModeTests {
    @Test(
        arguments: [
            (nil, VCR.Mode.never), ("", .never), ("never", .never), ("NEVER", .never), ("none", .never), ("0", .never),
            ("false", .never), ("no", .never), ("missing", .missing), ("once", .missing), ("1", .missing),
            ("true", .missing), ("yes", .missing), ("new_episodes", .newEpisodes), ("new-episodes", .newEpisodes),
            ("New-Episodes", .newEpisodes), ("all", .all),
        ] as [(String?, VCR.Mode)])
    func theEnvironmentNamesTheMode(value: String?, mode: VCR.Mode) throws {
        let environment = value.map { ["VCR_RECORD": $0] } ?? [:]
        #expect(try VCR.Mode(environment: environment) == mode)
    }

    @Test func anUnknownValueIsAnErrorListingTheValidOnes() {
        let error = #expect(throws: VCR.InvalidModeError.self) {
            try VCR.Mode(environment: ["VCR_RECORD": "sometimes"])
        }
        #expect(error?.value == "sometimes")
        #expect(
            error?.description
                == "VCR_RECORD is `sometimes`; expected one of never (or none, 0, false, no), "
                + "missing (or once, 1, true, yes), new_episodes (or new-episodes), all")
    }

    @Test func aMissingCassetteIsAnErrorInNeverMode() throws {
        try TemporaryFolder.with("vcr-record") { folder in
            let path = folder.appendingPathComponent("none.yaml").path
            let error = #expect(throws: CassetteError.self) { try VCR(cassette: path, mode: .never) }
            #expect(
                error?.description
                    == "\(path): no cassette here to replay; to record it, run again with VCR_RECORD=missing")
        }
    }

    @Test func missingModeRecordsANewCassetteAndReplaysAnExistingOneOnly() async throws {
        try await RecordingSupport.withServerAndFolder { server, folder in
            let cassette = folder.appendingPathComponent("nested/once.yaml")

            let recording = try VCR(cassette: cassette, mode: .missing, options: RecordingSupport.quiet)
            _ = try await recording.session.data(from: server.url("/echo"))
            let recorded = recording.stop()
            #expect(recorded.isSaved)
            #expect(recorded.description.contains("Recorded 1 interaction; saved \(cassette.path)."))
            let saved = try Data(contentsOf: cassette)

            let replaying = try VCR(cassette: cassette, mode: .missing, options: RecordingSupport.quiet)
            _ = try await replaying.session.data(from: server.url("/echo"))
            await #expect(throws: MismatchError.self) {
                _ = try await replaying.session.data(from: server.url("/binary"))
            }
            let report = replaying.stop()
            #expect(report.servedCount == 1)
            #expect(report.unmatchedRequests.count == 1)
            #expect(!report.isSaved)
            #expect(server.received.count == 1)
            #expect(try Data(contentsOf: cassette) == saved)
        }
    }

    @Test func newEpisodesKeepsEveryExistingInteractionByteForByteAndAppends() async throws {
        try await RecordingSupport.withServerAndFolder { server, folder in
            for source in [
                PackageFiles.seedCassette, PackageFiles.corpus.appendingPathComponent("generated/gen_7_0001.yaml"),
            ] {
                let original = try Data(contentsOf: source)
                let loaded = try Cassette(contentsOf: source)
                let cassette = folder.appendingPathComponent(source.lastPathComponent)
                try original.write(to: cassette)

                let vcr = try VCR(cassette: cassette, mode: .newEpisodes, options: RecordingSupport.quiet)
                let first = loaded.interactions[0].request
                if first.url.hasPrefix("http") {
                    _ = try await vcr.session.data(for: Fixtures.request(for: first))
                }
                _ = try await vcr.session.data(from: server.url("/echo"))
                _ = try await vcr.session.data(from: server.url("/error"))
                let report = vcr.stop()
                #expect(report.isSaved)
                #expect(
                    report.recordedInteractions.map(\.id) == [loaded.interactions.count, loaded.interactions.count + 1])

                let saved = try Data(contentsOf: cassette)
                #expect(saved.prefix(original.count) == original)
                let reloaded = try Cassette(contentsOf: cassette)
                #expect(reloaded.layout == loaded.layout)
                #expect(Array(reloaded.interactions.prefix(loaded.interactions.count)) == loaded.interactions)
                #expect(
                    reloaded.interactions.suffix(2).map(\.request.url)
                        == [server.url("/echo"), server.url("/error")].map(\.absoluteString))
                try RecordingSupport.expectValid(cassette)
            }
        }
    }

    @Test func allIgnoresTheFileOnDiskAndReplacesIt() async throws {
        try await RecordingSupport.withServerAndFolder { server, folder in
            let cassette = folder.appendingPathComponent("all.yaml")
            try Data("not: [a cassette".utf8).write(to: cassette)

            let vcr = try VCR(cassette: cassette, mode: .all, options: RecordingSupport.quiet)
            _ = try await vcr.session.data(from: server.url("/echo"))
            _ = try await vcr.session.data(from: server.url("/echo"))
            #expect(vcr.stop().isSaved)
            let saved = try Cassette(contentsOf: cassette)
            #expect(saved.interactions.map(\.id) == [0, 1])
            #expect(server.received.count == 2)
        }
    }

    @Test func allKeepsTheOldCassetteWhenNothingWasSent() throws {
        try TemporaryFolder.with("vcr-record") { folder in
            let cassette = folder.appendingPathComponent("kept.yaml")
            let original = try Data(contentsOf: PackageFiles.seedCassette)
            try original.write(to: cassette)
            let vcr = try VCR(cassette: cassette, mode: .all, options: RecordingSupport.quiet)
            let report = vcr.stop()
            #expect(!report.isSaved)
            #expect(report.saveErrors.isEmpty)
            #expect(try Data(contentsOf: cassette) == original)
        }
    }

    @Test func anUpstreamReceivesTheTrafficWhileTheCassetteKeepsTheRequestedURL() async throws {
        try await RecordingSupport.withServerAndFolder { server, folder in
            let cassette = folder.appendingPathComponent("upstream.yaml")
            var options = RecordingSupport.quiet
            options.upstream = URL(string: server.origin)
            let vcr = try VCR(cassette: cassette, mode: .all, options: options)
            let (data, response) = try await vcr.session.data(
                from: URL(string: "https://api.example.com/binary?page=1")!)
            #expect(data == LocalServer.binaryBody)
            #expect(response.url?.absoluteString == "https://api.example.com/binary?page=1")
            #expect(vcr.stop().isSaved)
            #expect(server.received.map(\.uri) == ["/binary?page=1"])
            let interaction = try #require(try Cassette(contentsOf: cassette).interactions.first)
            #expect(interaction.request.url == "https://api.example.com/binary?page=1")
            #expect(interaction.request.host == "api.example.com")
            let (replayed, _) = try await RecordingSupport.replay(
                URLRequest(url: URL(string: "https://api.example.com/binary?page=1")!), from: cassette)
            #expect(replayed == LocalServer.binaryBody)
        }
    }
}

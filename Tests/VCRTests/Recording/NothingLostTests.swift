import Foundation
import TestSupport
import Testing
import VCR
import VCRCassette

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What a recording VCR does so that nothing is lost without a word: saves
/// append to what is on disk, an unused VCR fails, `all` keeps the old file
/// when a request fails, and symbolic links stay links.
@Suite struct NothingLostTests {
    @Test(arguments: [VCR.Mode.missing, .newEpisodes, .all])
    func aRecordingVCRThatSawNoRequestFailsAndNamesTheLikelyCause(mode: VCR.Mode) async throws {
        try await RecordingSupport.withServerAndFolder { server, folder in
            let cassette = folder.appendingPathComponent("unused.yaml")
            let vcr = try VCR(cassette: cassette, mode: mode, options: RecordingSupport.quiet)
            // The code under test uses a session of its own instead of the VCR's.
            let (data, _) = try await URLSession(configuration: .ephemeral).data(from: server.url("/echo"))
            #expect(data == Data(#"{"ok":true}"#.utf8))
            let report = vcr.stop()
            #expect(!report.isSaved)
            #expect(report.saveErrors == [.noRequestSeen(cassettePath: cassette.path, mode: mode)])
            let message = try #require(report.saveErrors.first?.description)
            #expect(message.contains("did not use the VCR's session or configuration"))
            #expect(message.contains("URLSession.shared"))
            #expect(message.contains("AsyncHTTPClient"))
            #expect(message.contains("VCR_RECORD=\(mode.rawValue)"))
            #expect(throws: ReplayFailure.self) { try report.check() }
            #expect(!FileManager.default.fileExists(atPath: cassette.path))
        }
    }

    @Test func aVCRThatSawNoRequestOnAnExistingCassetteIsNoFailure() throws {
        try TemporaryFolder.with("vcr-record") { folder in
            let cassette = folder.appendingPathComponent("existing.yaml")
            let original = try Data(contentsOf: PackageFiles.seedCassette)
            try original.write(to: cassette)
            let report = try VCR(cassette: cassette, mode: .newEpisodes, options: RecordingSupport.quiet).stop()
            #expect(report.saveErrors.isEmpty)
            #expect(try Data(contentsOf: cassette) == original)
        }
    }

    @Test func allKeepsTheOldCassetteWhenAForwardedRequestFails() async throws {
        let server = try LocalServer()
        defer { try? server.shutdown() }
        let closed = try LocalServer()
        let closedPort = closed.port
        try closed.shutdown()
        try await TemporaryFolder.with("vcr-record") { folder in
            let cassette = folder.appendingPathComponent("kept.yaml")
            let original = try Data(contentsOf: PackageFiles.seedCassette)
            try original.write(to: cassette)

            let vcr = try VCR(cassette: cassette, mode: .all, options: RecordingSupport.quiet)
            _ = try await vcr.session.data(from: server.url("/echo"))
            let failing = URL(string: "http://127.0.0.1:\(closedPort)/down?api_key=sk-hidden-value-123")!
            await #expect(throws: (any Error).self) { _ = try await vcr.session.data(from: failing) }
            let report = vcr.stop()

            #expect(!report.isSaved)
            #expect(try Data(contentsOf: cassette) == original)
            guard case .keptAfterFailedRequests(let path, let requests) = report.saveErrors.first else {
                Issue.record("expected the old cassette to be kept, got \(report.saveErrors)")
                return
            }
            #expect(path == cassette.path)
            #expect(requests.count == 1)
            let message = report.saveErrors[0].description
            #expect(message.contains("kept \(cassette.path) unchanged"))
            #expect(message.contains("GET http://127.0.0.1:\(closedPort)/down?api_key=REDACTED"))
            #expect(!message.contains("sk-hidden-value-123"))
            #expect(throws: ReplayFailure.self) { try report.check() }
        }
    }

    @Test func allAppendsToAFileAnotherVCRWroteAfterItOpenedIt() async throws {
        try await RecordingSupport.withServerAndFolder { server, folder in
            let cassette = folder.appendingPathComponent("both.yaml")
            try Data(contentsOf: PackageFiles.seedCassette).write(to: cassette)

            let first = try VCR(cassette: cassette, mode: .all, options: RecordingSupport.quiet)
            let second = try VCR(cassette: cassette, mode: .all, options: RecordingSupport.quiet)
            _ = try await second.session.data(from: server.url("/echo?by=second"))
            #expect(second.stop().isSaved)
            let written = try Data(contentsOf: cassette)
            _ = try await first.session.data(from: server.url("/echo?by=first"))
            let report = first.stop()
            #expect(report.isSaved)
            #expect(report.recordedInteractions.map(\.id) == [1])

            let saved = try Data(contentsOf: cassette)
            #expect(saved.starts(with: written))
            let reread = try Cassette(yaml: saved)
            #expect(
                reread.interactions.map(\.request.url)
                    == ["/echo?by=second", "/echo?by=first"].map { server.url($0).absoluteString })
            #expect(reread.interactions.map(\.id) == [0, 1])
            try RecordingSupport.expectValid(cassette)
        }
    }

    @Test func newEpisodesFromTwoVCRsOnOneCassetteKeepsEveryInteraction() async throws {
        try await RecordingSupport.withServerAndFolder { server, folder in
            let cassette = folder.appendingPathComponent("shared.yaml")
            let original = try Data(contentsOf: PackageFiles.seedCassette)
            try original.write(to: cassette)
            let vcrs = try (0..<2).map { _ in
                try VCR(cassette: cassette, mode: .newEpisodes, options: RecordingSupport.quiet)
            }
            for (number, vcr) in vcrs.enumerated() {
                for request in 0..<3 {
                    _ = try await vcr.session.data(from: server.url("/echo?vcr=\(number)&n=\(request)"))
                }
            }
            let reports = vcrs.map { $0.stop() }
            #expect(reports.allSatisfy { $0.isSaved && $0.saveErrors.isEmpty })
            #expect(reports[0].recordedInteractions.map(\.id) == [2, 3, 4])
            #expect(reports[1].recordedInteractions.map(\.id) == [5, 6, 7])
            let saved = try Data(contentsOf: cassette)
            #expect(saved.starts(with: original))
            let reread = try Cassette(yaml: saved)
            #expect(reread.interactions.map(\.id) == Array(0..<8))
            #expect(
                reread.interactions.dropFirst(2).map(\.request.url)
                    == (0..<2).flatMap { number in
                        (0..<3).map { server.url("/echo?vcr=\(number)&n=\($0)").absoluteString }
                    })
            try RecordingSupport.expectValid(cassette)
        }
    }

    @Test func savingThroughASymbolicLinkWritesTheTargetAndKeepsItsPermissions() async throws {
        try await RecordingSupport.withServerAndFolder { server, folder in
            let target = folder.appendingPathComponent("real.yaml")
            try Data(contentsOf: PackageFiles.seedCassette).write(to: target)
            try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: target.path)
            let link = folder.appendingPathComponent("link.yaml")
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real.yaml")

            let vcr = try VCR(cassette: link, mode: .newEpisodes, options: RecordingSupport.quiet)
            _ = try await vcr.session.data(from: server.url("/echo"))
            #expect(vcr.stop().isSaved)

            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "real.yaml")
            #expect(try Cassette(contentsOf: target).interactions.count == 3)
            #expect(try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int == 0o640)
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["link.yaml", "real.yaml"])
        }
    }
}

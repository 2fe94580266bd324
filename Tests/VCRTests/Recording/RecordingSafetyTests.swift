import Foundation
import TestSupport
import Testing
import VCR
import VCRCassette

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Nothing lost, nothing leaked: concurrent recordings, concurrent saves, the secret scan.
@Suite struct RecordingSafetyTests {
    @Test func concurrentRequestsOnOneVCRAreAllKeptWithIdsInOrder() async throws {
        try await RecordingSupport.withServerAndFolder { server, folder in
            let cassette = folder.appendingPathComponent("concurrent.yaml")
            let vcr = try VCR(cassette: cassette, mode: .all, options: RecordingSupport.quiet)
            let session = vcr.session
            try await withThrowingTaskGroup(of: Void.self) { group in
                for number in 0..<20 {
                    group.addTask { _ = try await session.data(from: server.url("/echo?n=\(number)")) }
                }
                try await group.waitForAll()
            }
            let report = vcr.stop()
            #expect(report.isSaved)
            let saved = try Cassette(contentsOf: cassette)
            #expect(saved.interactions.map(\.id) == Array(0..<20))
            #expect(
                Set(saved.interactions.map(\.request.url))
                    == Set((0..<20).map { server.url("/echo?n=\($0)").absoluteString }))
            #expect(saved.interactions == report.recordedInteractions)
        }
    }

    @Test func vcrsSavingDifferentCassettesInOneFolderDoNotInterfere() async throws {
        try await RecordingSupport.withServerAndFolder { server, folder in
            let names = (0..<8).map { "cassette-\($0).yaml" }
            let reports = try await withThrowingTaskGroup(of: ReplayReport.self) { group in
                for (number, name) in names.enumerated() {
                    group.addTask {
                        let vcr = try VCR(
                            cassette: folder.appendingPathComponent(name), mode: .all, options: RecordingSupport.quiet)
                        _ = try await vcr.session.data(from: server.url("/echo?cassette=\(number)"))
                        return vcr.stop()
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(reports.allSatisfy { $0.isSaved && $0.saveErrors.isEmpty })
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == names)
            for (number, name) in names.enumerated() {
                let saved = try Cassette(contentsOf: folder.appendingPathComponent(name))
                #expect(
                    saved.interactions.map(\.request.url) == [server.url("/echo?cassette=\(number)").absoluteString])
            }
        }
    }

    @Test func aCassetteHoldingASecretFromTheEnvironmentIsNotSaved() async throws {
        try await RecordingSupport.withServerAndFolder { server, folder in
            let secret = "sk-live-\(UUID().uuidString)"
            setenv("VCR_RECORDING_TEST_API_KEY", secret, 1)
            defer { unsetenv("VCR_RECORDING_TEST_API_KEY") }
            let cassette = folder.appendingPathComponent("leak.yaml")
            let vcr = try VCR(cassette: cassette, mode: .all, options: RecordingSupport.quiet)
            var request = URLRequest(url: server.url("/echo"))
            request.httpMethod = "POST"
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(#"{"credentials":{"api_key":"\#(secret)"}}"#.utf8)
            _ = try await vcr.session.data(for: request)
            let report = vcr.stop()
            #expect(!report.isSaved)
            #expect(!FileManager.default.fileExists(atPath: cassette.path))
            let error = try #require(report.saveErrors.first)
            #expect(
                error
                    == .secretFound(
                        variable: "VCR_RECORDING_TEST_API_KEY", place: "interaction 0 request body",
                        cassettePath: cassette.path))
            #expect(error.description.contains("VCR_RECORDING_TEST_API_KEY"))
            #expect(!error.description.contains(secret))
            #expect(!report.description.contains(secret))
            #expect(throws: ReplayFailure.self) { try report.check() }

            // Redacting the field by path lets the same recording be saved.
            var options = RecordingSupport.quiet
            options.redaction.jsonBodyPaths = ["credentials.api_key"]
            let redacting = try VCR(cassette: cassette, mode: .all, options: options)
            _ = try await redacting.session.data(for: request)
            let saved = redacting.stop()
            #expect(saved.isSaved)
            #expect(
                try Cassette(contentsOf: cassette).interactions[0].request.body
                    == Data(#"{"credentials":{"api_key":"REDACTED"}}"#.utf8))
            try RecordingSupport.expectValid(cassette, containing: [secret])
            // And the live request, redacted by the same options, matches on replay.
            let (data, _) = try await RecordingSupport.replay(request, from: cassette, options: options)
            #expect(data == Data(#"{"ok":true}"#.utf8))
        }
    }

    @Test func aFailedWriteIsReportedAndTheOldFileKept() async throws {
        try await RecordingSupport.withServerAndFolder { server, folder in
            // A directory where the cassette should be: the rename cannot replace it.
            let cassette = folder.appendingPathComponent("blocked.yaml")
            try FileManager.default.createDirectory(
                at: cassette.appendingPathComponent("inside"), withIntermediateDirectories: true)
            let vcr = VCR(cassette: Cassette(), path: cassette.path, mode: .all, options: RecordingSupport.quiet)
            _ = try await vcr.session.data(from: server.url("/echo"))
            let report = vcr.stop()
            #expect(!report.isSaved)
            guard case .writeFailed(let error) = report.saveErrors.first else {
                Issue.record("expected a write failure, got \(report.saveErrors)")
                return
            }
            #expect(error.path == cassette.path)
            #expect(report.description.contains("not saved: VCR: could not save the recorded cassette"))
        }
    }
}

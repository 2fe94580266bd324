import Foundation
import TestSupport
import Testing
import VCR
import VCRCassette

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `beforeRecord` and `beforeReplay`: what they see, change and drop.
@Suite struct HookTests {
    @Test func aRecordHookSeesTheRedactedInteractionAndItsChangesAreSaved() async throws {
        try await RecordingSupport.withServerAndFolder { server, folder in
            let cassette = folder.appendingPathComponent("hooked.yaml")
            let seen = Locked<[String]>([])
            var options = RecordingSupport.quiet
            options.beforeRecord.append { interaction in
                seen.withLock { $0 += interaction.request.headers["Authorization"] ?? [] }
                guard !interaction.request.url.contains("/binary") else { return nil }
                var changed = interaction
                changed.response.body = Data(#"{"ok":"changed"}"#.utf8)
                changed.response.headers["X-Hooked"] = ["yes"]
                return changed
            }
            let vcr = try VCR(cassette: cassette, mode: .all, options: options)
            var request = URLRequest(url: server.url("/echo"))
            request.setValue("Bearer live-secret", forHTTPHeaderField: "Authorization")
            let (live, _) = try await vcr.session.data(for: request)
            _ = try await vcr.session.data(from: server.url("/binary"))
            let report = vcr.stop()

            #expect(live == Data(#"{"ok":true}"#.utf8))  // the caller gets what the server sent
            #expect(seen.withLock { $0 } == ["REDACTED"])  // redaction ran first
            #expect(report.recordedInteractions.count == 1)  // the hook dropped /binary
            let saved = try Cassette(contentsOf: cassette)
            #expect(saved.interactions.map(\.id) == [0])
            #expect(saved.interactions[0].response.body == Data(#"{"ok":"changed"}"#.utf8))
            #expect(saved.interactions[0].response.headers["X-Hooked"] == ["yes"])
            try RecordingSupport.expectValid(cassette, containing: ["live-secret"])
        }
    }

    @Test func aRecordHookCanRemoveASecretTheScanWouldRefuse() async throws {
        try await RecordingSupport.withServerAndFolder { server, folder in
            let cassette = folder.appendingPathComponent("scan.yaml")
            let secret = "sk-in-a-text-body-0123456789"
            setenv("VCR_HOOK_TEST_TOKEN", secret, 1)
            defer { unsetenv("VCR_HOOK_TEST_TOKEN") }
            var request = URLRequest(url: server.url("/echo"))
            request.httpMethod = "POST"
            request.setValue("text/plain", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data("token is \(secret), keep it".utf8)

            let refused = try VCR(cassette: cassette, mode: .all, options: RecordingSupport.quiet)
            _ = try await refused.session.data(for: request)
            #expect(!refused.stop().saveErrors.isEmpty)

            var options = RecordingSupport.quiet
            options.beforeRecord.append { interaction in
                var cleaned = interaction
                cleaned.request.body = Data(
                    String(decoding: interaction.request.body, as: UTF8.self).replacingOccurrences(
                        of: secret, with: "TOKEN"
                    ).utf8)
                return cleaned
            }
            let fixed = try VCR(cassette: cassette, mode: .all, options: options)
            _ = try await fixed.session.data(for: request)
            let report = fixed.stop()
            #expect(report.saveErrors.isEmpty)
            #expect(report.isSaved)
            try RecordingSupport.expectValid(cassette, containing: [secret])
        }
    }

    @Test func aReplayHookChangesStatusHeadersAndTheWholeBodyBeforeItIsCutIntoChunks() async throws {
        let events = Fixtures.serverSentEvents(3)
        let interaction = Fixtures.interaction(
            0, headers: ["Content-Type": ["text/event-stream"]], body: events, contentLength: -1)
        var options = Fixtures.quiet
        let requests = Locked<[String]>([])
        options.beforeReplay.append { response, request, recorded in
            requests.withLock { $0.append("\(request.method) \(request.url) #\(recorded.id)") }
            response.code = 203
            response.headers["X-Replayed"] = ["1"]
            response.body = Data(
                String(decoding: response.body, as: UTF8.self).replacingOccurrences(of: "\"n\"", with: "\"m\"").utf8)
        }
        options.beforeReplay.append { response, _, _ in
            response.body += Data("data: [DONE]\n\n".utf8)  // sees the first hook's body
        }
        let vcr = VCR(cassette: Cassette(interactions: [interaction]), path: "/c/replay-hook.yaml", options: options)
        let url = URL(string: "https://api.example.com/items")!
        let outcome = await ChunkRecorder.run(URLRequest(url: url), configuration: vcr.makeConfiguration())
        try vcr.stop().check()

        let expected = events.replacingOccurrences(of: "\"n\"", with: "\"m\"") + "data: [DONE]\n\n"
        #expect(outcome.response?.statusCode == 203)
        #expect(outcome.response?.value(forHTTPHeaderField: "X-Replayed") == "1")
        #expect(
            outcome.chunks.map { String(decoding: $0, as: UTF8.self) }
                == expected.components(separatedBy: "\n\n").dropLast().map { $0 + "\n\n" })
        #expect(requests.withLock { $0 } == ["GET https://api.example.com/items #0"])
        // The cassette itself is untouched.
        #expect(interaction.response.body == Data(events.utf8))
    }
}

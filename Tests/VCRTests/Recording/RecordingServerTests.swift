import Foundation
import TestSupport
import Testing
import VCRCassette

@testable import VCR

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Real traffic from a server in the test process, recorded in `all` mode, then
/// replayed in `never` mode with equal bytes; every cassette passes `vcr lint`
/// and `vcr fmt --check` and holds no secret.
@Suite(.serialized) struct RecordingServerTests {
    /// Records what `body` sends through a VCR in `all` mode into a new cassette in `folder`.
    private func record(
        in folder: URL, options: VCR.Options = RecordingSupport.quiet, _ body: (VCR) async throws -> Void
    ) async throws -> (report: ReplayReport, cassette: URL) {
        let cassette = folder.appendingPathComponent("recorded.yaml")
        let vcr = try VCR(cassette: cassette, mode: .all, options: options)
        try await body(vcr)
        let report = vcr.stop()
        #expect(report.saveErrors.isEmpty)
        #expect(report.isSaved)
        return (report, cassette)
    }

    private func loaded(_ url: URL) throws -> Interaction {
        let cassette = try Cassette(contentsOf: url)
        #expect(cassette.interactions.count == 1)
        return try #require(cassette.interactions.first)
    }

    @Test func aServerSentEventStreamReachesTheCallerWhileItIsRecorded() async throws {
        try await RecordingSupport.withServerAndFolder { server, folder in
            let request = URLRequest(url: server.url("/sse"))
            let (_, cassette) = try await record(in: folder) { vcr in
                let reader = StreamingReader { server.releaseLastEvent() }
                let outcome = await reader.run(request, configuration: vcr.makeConfiguration())
                #expect(outcome.error == nil)
                #expect(outcome.chunks.count >= 2)
                #expect(outcome.chunks.reduce(Data(), +) == Data(LocalServer.events.joined().utf8))
                #expect(outcome.response?.statusCode == 200)
            }
            // The last event waited for the caller to hold the first one.
            #expect(server.lastEventWasReleased == true)
            let interaction = try loaded(cassette)
            #expect(interaction.response.body == Data(LocalServer.events.joined().utf8))
            #expect(interaction.response.contentLength == -1)
            #expect(interaction.response.status == "200 OK")
            #expect(interaction.response.duration > .zero)
            #expect(interaction.request.host == "127.0.0.1:\(server.port)")
            #expect(interaction.request.url == server.url("/sse").absoluteString)

            let replayed = await StreamingReader().run(
                request, configuration: try VCR(cassette: cassette, mode: .never).makeConfiguration())
            #expect(replayed.chunks.count == LocalServer.events.count)
            #expect(replayed.chunks.reduce(Data(), +) == Data(LocalServer.events.joined().utf8))
            try RecordingSupport.expectValid(cassette)
        }
    }

    @Test func aGzipResponseIsStoredDecompressedAsGoVCRStoresIt() async throws {
        try await RecordingSupport.withServerAndFolder { server, folder in
            let request = URLRequest(url: server.url("/gzip"))
            let (_, cassette) = try await record(in: folder) { vcr in
                let (data, _) = try await vcr.session.data(for: request)
                #expect(data == Data(LocalServer.gzipText.utf8))
            }
            let interaction = try loaded(cassette)
            #expect(interaction.response.uncompressed)
            #expect(interaction.response.contentLength == -1)
            #expect(HeaderFields(interaction.response.headers)["Content-Encoding"].isEmpty)
            #expect(HeaderFields(interaction.response.headers)["Content-Length"].isEmpty)
            #expect(interaction.response.body == Data(LocalServer.gzipText.utf8))
            let (data, _) = try await RecordingSupport.replay(request, from: cassette)
            #expect(data == Data(LocalServer.gzipText.utf8))
            try RecordingSupport.expectValid(cassette)
        }
    }

    @Test func aBinaryBodyIsKeptByteForByte() async throws {
        try await RecordingSupport.withServerAndFolder { server, folder in
            let request = URLRequest(url: server.url("/binary"))
            let (_, cassette) = try await record(in: folder) { vcr in
                let (data, _) = try await vcr.session.data(for: request)
                #expect(data == LocalServer.binaryBody)
            }
            let interaction = try loaded(cassette)
            #expect(interaction.response.body == LocalServer.binaryBody)
            #expect(interaction.response.contentLength == Int64(LocalServer.binaryBody.count))
            #expect(String(decoding: try Data(contentsOf: cassette), as: UTF8.self).contains("body: !!binary"))
            let (data, _) = try await RecordingSupport.replay(request, from: cassette)
            #expect(data == LocalServer.binaryBody)
            try RecordingSupport.expectValid(cassette)
        }
    }

    @Test func aTenMegabyteBodyIsRecordedWhole() async throws {
        try await RecordingSupport.withServerAndFolder { server, folder in
            let request = URLRequest(url: server.url("/large"))
            let (_, cassette) = try await record(in: folder) { vcr in
                let outcome = await StreamingReader().run(request, configuration: vcr.makeConfiguration())
                #expect(outcome.chunks.reduce(Data(), +) == LocalServer.largeBody)
            }
            let interaction = try loaded(cassette)
            #expect(interaction.response.body == LocalServer.largeBody)
            #expect(interaction.response.contentLength == Int64(LocalServer.largeBody.count))
            let (data, _) = try await RecordingSupport.replay(request, from: cassette)
            #expect(data == LocalServer.largeBody)
            try RecordingSupport.expectValid(cassette)
        }
    }

    @Test func aServerErrorIsRecordedWithGosStatusText() async throws {
        try await RecordingSupport.withServerAndFolder { server, folder in
            let request = URLRequest(url: server.url("/error"))
            let (_, cassette) = try await record(in: folder) { vcr in
                let (_, response) = try await vcr.session.data(for: request)
                #expect((response as? HTTPURLResponse)?.statusCode == 500)
            }
            let interaction = try loaded(cassette)
            #expect(interaction.response.code == 500)
            #expect(interaction.response.status == "500 Internal Server Error")
            let (data, response) = try await RecordingSupport.replay(request, from: cassette)
            #expect(response.statusCode == 500)
            #expect(data == Data(#"{"error":"boom"}"#.utf8))
            try RecordingSupport.expectValid(cassette)
        }
    }

    @Test func aPostWithAJSONBodyAndAnAuthorizationHeaderIsRecordedRedacted() async throws {
        try await RecordingSupport.withServerAndFolder { server, folder in
            let token = "Bearer sk-test-\(UUID().uuidString)"
            let apiKey = "key-\(UUID().uuidString)"
            var request = URLRequest(url: server.url("/echo?api_key=\(apiKey)&page=2"))
            request.httpMethod = "POST"
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.setValue(token, forHTTPHeaderField: "Authorization")
            request.httpBody = Data(#"{"model":"m","input":"hi"}"#.utf8)
            let (report, cassette) = try await record(in: folder) { vcr in
                let (data, _) = try await vcr.session.data(for: request)
                #expect(data == Data(#"{"ok":true}"#.utf8))
            }
            // The server saw the real request; the cassette holds it redacted.
            let received = try #require(server.received.first)
            #expect(received.headers.contains { $0.0.lowercased() == "authorization" && $0.1 == token })
            #expect(received.body == Data(#"{"model":"m","input":"hi"}"#.utf8))
            #expect(received.uri == "/echo?api_key=\(apiKey)&page=2")
            #expect(report.recordedInteractions.map(\.id) == [0])
            let interaction = try loaded(cassette)
            #expect(interaction.request.method == "POST")
            #expect(interaction.request.body == Data(#"{"model":"m","input":"hi"}"#.utf8))
            #expect(interaction.request.contentLength == 26)
            #expect(HeaderFields(interaction.request.headers)["Authorization"] == ["REDACTED"])
            #expect(HeaderFields(interaction.response.headers)["Set-Cookie"] == ["REDACTED"])
            #expect(interaction.request.url == server.url("/echo?api_key=REDACTED&page=2").absoluteString)
            #expect(interaction.request.form == ["api_key": ["REDACTED"], "page": ["2"]])

            // Replay redacts the live request the same way, so it matches.
            let (data, _) = try await RecordingSupport.replay(request, from: cassette)
            #expect(data == Data(#"{"ok":true}"#.utf8))
            try RecordingSupport.expectValid(
                cassette, containing: [token, String(token.dropFirst(7)), apiKey, "abc123"])
        }
    }

    @Test func aPostWithAnEmptyBodyIsForwardedAsTheClientSentIt() async throws {
        try await RecordingSupport.withServerAndFolder { server, folder in
            var request = URLRequest(url: server.url("/echo"))
            request.httpMethod = "POST"
            request.httpBody = Data()
            let direct = URLSession(configuration: .ephemeral)
            defer { direct.finishTasksAndInvalidate() }
            _ = try await direct.data(for: request)
            _ = try await record(in: folder) { vcr in
                _ = try await vcr.session.data(for: request)
            }
            let received = server.received
            try #require(received.count == 2)
            func contentLength(_ index: Int) -> [String] {
                received[index].headers.filter { $0.0.lowercased() == "content-length" }.map(\.1)
            }
            #expect(contentLength(1) == contentLength(0))
            #expect(received[1].body == received[0].body)
        }
    }

    @Test func aConnectionClosedMidStreamFailsTheCallerAndIsNotRecorded() async throws {
        try await RecordingSupport.withServerAndFolder { server, folder in
            let (report, cassette) = try await record(in: folder) { vcr in
                let outcome = await StreamingReader().run(
                    URLRequest(url: server.url("/cut")), configuration: vcr.makeConfiguration())
                #expect(outcome.error != nil)
                let (data, _) = try await vcr.session.data(for: URLRequest(url: server.url("/binary")))
                #expect(data == LocalServer.binaryBody)
            }
            #expect(report.recordedInteractions.map(\.request.url) == [server.url("/binary").absoluteString])
            let interaction = try loaded(cassette)
            #expect(interaction.id == 0)
            try RecordingSupport.expectValid(cassette)
        }
    }

    @Test func anErrorOfTheRealRequestReachesTheCallerUnchanged() async throws {
        let server = try LocalServer()
        let closedPort = server.port
        try server.shutdown()
        try await TemporaryFolder.with("vcr-record") { folder in
            let cassette = folder.appendingPathComponent("refused.yaml")
            let vcr = try VCR(cassette: cassette, mode: .missing, options: RecordingSupport.quiet)
            let live = URLSession(configuration: .ephemeral)
            let url = URL(string: "http://127.0.0.1:\(closedPort)/gone")!
            var liveError: URLError?
            do { _ = try await live.data(from: url) } catch { liveError = error as? URLError }
            var recordedError: URLError?
            do { _ = try await vcr.session.data(from: url) } catch { recordedError = error as? URLError }
            #expect(recordedError != nil)
            #expect(recordedError?.code == liveError?.code)
            let report = vcr.stop()
            #expect(report.recordedInteractions.isEmpty)
            #expect(!report.isSaved)
            #expect(!FileManager.default.fileExists(atPath: cassette.path))
        }
    }
}

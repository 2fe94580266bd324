import AsyncHTTPClient
import Foundation
import NIOCore
import Testing
import VCR
import VCRCassette
import VCRServer

/// AsyncHTTPClient against a cassette server: the client a VCR cannot
/// intercept, used as Vapor, Hummingbird and the OpenAPI transport use it.
@Suite struct CassetteServerTests {
    /// The package root of swift-vcr, derived from this file's path.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seed = root.appendingPathComponent("Cassettes/openai-chat-parallel-tool-calls.yaml")

    /// The seed's request: a JSON POST to the chat completions endpoint.
    private func request(_ number: Int, to server: CassetteServer) throws -> (HTTPClientRequest, Interaction) {
        let interaction = try Cassette(contentsOf: Self.seed).interactions[number]
        var request = HTTPClientRequest(url: server.baseURL.absoluteString + "/v1/chat/completions")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: interaction.request.body))
        return (request, interaction)
    }

    /// The body's parts in the order they arrived.
    private func parts(of response: HTTPClientResponse) async throws -> [[UInt8]] {
        var parts: [[UInt8]] = []
        for try await buffer in response.body { parts.append(Array(buffer.readableBytesView)) }
        return parts
    }

    @Test func sseStreamArrivesEventByEvent() async throws {
        // Recorded pacing, sped up: each event is flushed on its own, some
        // milliseconds after the previous one, as the real API sent them.
        let server = try await CassetteServer(
            cassette: Self.seed.path, mode: .never,
            options: VCR.Options(timing: .realTime(speed: 4), printsMismatches: false))
        let (request, interaction) = try request(0, to: server)
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        #expect(response.status.code == 200)
        #expect(response.headers["Content-Type"] == interaction.response.headers["Content-Type"])
        let parts = try await parts(of: response)
        #expect(parts.flatMap { $0 } == Array(interaction.response.body))
        // TCP may split or join the server's writes, so the client can only
        // see that the body came in several parts; VCRServerTests checks on
        // the wire that each event is written and flushed on its own.
        #expect(parts.count > 1, "the stream arrived in one piece")
        try await server.stop().check(allowingUnused: true)
    }

    @Test func jsonPostsReplayInOrderOnOneKeepAliveClient() async throws {
        let server = try await CassetteServer(
            cassette: Self.seed.path, mode: .never, options: VCR.Options(printsMismatches: false))
        for number in 0..<2 {
            let (request, interaction) = try request(number, to: server)
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
            let body = try await response.body.collect(upTo: 1 << 20)
            #expect(Array(body.readableBytesView) == Array(interaction.response.body))
        }
        try await server.stop().check()
    }

    @Test func recordsThroughTheServerThenReplaysOffline() async throws {
        // The "real API" is a server replaying the seed; the recorder forwards to it.
        let api = try await CassetteServer(
            cassette: Self.seed.path, mode: .never, options: VCR.Options(printsMismatches: false))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ahc-\(UUID().uuidString).yaml").path
        let recorder = try await CassetteServer(
            cassette: path, mode: .all, options: VCR.Options(printsMismatches: false, upstream: api.baseURL),
            origin: URL(string: "https://api.openai.com")!)
        let (request, interaction) = try request(0, to: recorder)
        let live = try await parts(of: try await HTTPClient.shared.execute(request, timeout: .seconds(30)))
        #expect(live.flatMap { $0 } == Array(interaction.response.body))
        let recording = await recorder.stop()
        #expect(recording.isSaved, "\(recording)")
        await api.stop()

        let replayer = try await CassetteServer(
            cassette: path, mode: .never, options: VCR.Options(printsMismatches: false))
        let (again, _) = try self.request(0, to: replayer)
        let replayed = try await parts(of: try await HTTPClient.shared.execute(again, timeout: .seconds(30)))
        #expect(replayed.flatMap { $0 } == Array(interaction.response.body))
        try await replayer.stop().check()
    }

    @Test func mismatchIsA599WithTheReportAndFailsTheCheck() async throws {
        let server = try await CassetteServer(
            cassette: Self.seed.path, mode: .never, options: VCR.Options(printsMismatches: false))
        var request = HTTPClientRequest(url: server.baseURL.absoluteString + "/v1/chat/completions")
        request.method = .POST
        request.body = .bytes(ByteBuffer(string: #"{"model":"gpt-4o-mini","messages":[]}"#))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        #expect(response.status.code == 599)
        #expect(response.headers[CassetteServer.mismatchHeader] == ["true"])
        let text = String(buffer: try await response.body.collect(upTo: 1 << 20))
        let report = await server.stop()
        let failure = try #require(throws: ReplayFailure.self) { try report.check(allowingUnused: true) }
        #expect(text.contains("POST https://api.openai.com/v1/chat/completions"))
        #expect(failure.description.contains(text.trimmingCharacters(in: .newlines)))
    }
}

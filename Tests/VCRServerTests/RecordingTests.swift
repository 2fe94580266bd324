import Foundation
import TestSupport
import Testing
import VCR
import VCRCassette
import VCRServer

/// Recording through the server: requests are forwarded to an in-process
/// upstream, streamed to the client as they arrive, and saved; the cassette
/// then replays offline with the same bytes.
@Suite struct RecordingTests {
    static let origin = URL(string: "https://api.example.test")!

    @Test func recordsAgainstUpstreamThenReplaysOffline() async throws {
        let upstream = try LocalServer()
        upstream.releaseLastEvent()
        let path = try TemporaryFolder.make("vcr-server").appendingPathComponent("recorded.yaml").path
        let recorder = try await CassetteServer(
            cassette: path, mode: .all,
            options: VCR.Options(printsMismatches: false, upstream: URL(string: upstream.origin)!), origin: Self.origin)
        let post = WireRequest.make(
            "POST", "/echo?x=1", headers: [("Content-Type", "application/json")], body: Array(#"{"q":1}"#.utf8))
        let get = WireRequest.make("GET", "/sse", headers: [("Accept", "text/event-stream")])
        let live = [
            try WireResponse.parseOne(try await Wire.exchange(post, port: recorder.port)),
            try WireResponse.parseOne(try await Wire.exchange(get, port: recorder.port)),
        ]
        #expect(live.map(\.status) == [200, 200])
        #expect(live[0].bodyText == #"{"ok":true}"#)
        #expect(live[1].bodyText == LocalServer.events.joined())
        #expect(upstream.received.map(\.uri) == ["/echo?x=1", "/sse"])
        #expect(upstream.received.first?.body == Data(#"{"q":1}"#.utf8))
        let recording = await recorder.stop()
        #expect(recording.isSaved, "\(recording)")
        #expect(
            recording.recordedInteractions.map(\.request.url) == [
                "https://api.example.test/echo?x=1", "https://api.example.test/sse",
            ])
        try upstream.shutdown()

        let replayer = try await CassetteServer(cassette: path, mode: .never, options: ServerFixtures.quiet)
        #expect(replayer.origins == ["https://api.example.test"])
        let replayed = [
            try WireResponse.parseOne(try await Wire.exchange(post, port: replayer.port)),
            try WireResponse.parseOne(try await Wire.exchange(get, port: replayer.port)),
        ]
        #expect(replayed.map(\.status) == live.map(\.status))
        #expect(replayed.map(\.body) == live.map(\.body))
        #expect(replayed[1].values("Content-Type") == ["text/event-stream"])
        #expect(replayed[1].chunks.count == LocalServer.events.count)
        try await replayer.stop().check()
    }

    @Test func clientLeavingMidStreamStillRecordsTheWholeResponse() async throws {
        let upstream = try LocalServer()
        defer { try? upstream.shutdown() }
        let path = try TemporaryFolder.make("vcr-server").appendingPathComponent("cut.yaml").path
        let server = try await CassetteServer(
            cassette: path, mode: .all,
            options: VCR.Options(printsMismatches: false, upstream: URL(string: upstream.origin)!), origin: Self.origin)
        let firstEvent = Array(LocalServer.events[0].utf8)
        let partial = try await Wire.exchange(WireRequest.make("GET", "/sse"), port: server.port) { bytes in
            bytes.count >= firstEvent.count && String(decoding: bytes, as: UTF8.self).contains(LocalServer.events[0])
        }
        #expect(String(decoding: partial, as: UTF8.self).contains(LocalServer.events[0]))
        #expect(!String(decoding: partial, as: UTF8.self).contains(LocalServer.events[4]))
        // The upstream holds its last event until now (or, in a run that
        // starves this task, its own ten seconds): either way after the
        // client, which closed on the first event, left.
        upstream.releaseLastEvent()
        let report = await server.stop()
        #expect(report.isSaved, "\(report)")
        let recorded = try #require(report.recordedInteractions.first)
        #expect(recorded.response.body == Data(LocalServer.events.joined().utf8))
        let saved = try Cassette(contentsOf: URL(fileURLWithPath: path))
        #expect(saved.interactions.map(\.response.body) == [Data(LocalServer.events.joined().utf8)])
    }

    @Test func upstreamFailureIsA599NamingIt() async throws {
        let upstream = try LocalServer()
        let closedPort = upstream.origin
        try upstream.shutdown()
        let path = try TemporaryFolder.make("vcr-server").appendingPathComponent("down.yaml").path
        let server = try await CassetteServer(
            cassette: path, mode: .all,
            options: VCR.Options(printsMismatches: false, upstream: URL(string: closedPort)!),
            origin: Self.origin)
        let response = try WireResponse.parseOne(
            try await Wire.exchange(WireRequest.make("GET", "/echo"), port: server.port))
        #expect(response.status == CassetteServer.errorStatusCode)
        #expect(response.values(CassetteServer.errorHeader) == ["upstream"])
        let report = await server.stop()
        #expect(report.recordedInteractions.isEmpty)
    }
}

import Foundation
import TestSupport
import Testing
import VCR
import VCRCassette

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `Options.passthrough`: requests that reach the network untouched in every mode.
@Suite struct PassthroughTests {
    @Test(arguments: [VCR.Mode.never, .missing, .newEpisodes, .all])
    func aLoopbackRequestReachesTheServerIsNotRecordedAndIsListed(mode: VCR.Mode) async throws {
        try await RecordingSupport.withServerAndFolder { server, folder in
            let cassette = folder.appendingPathComponent("pass.yaml")
            try Cassette().write(to: cassette)
            let before = try Data(contentsOf: cassette)
            var options = RecordingSupport.quiet
            options.passthrough = .loopback

            let vcr = try VCR(cassette: cassette, mode: mode, options: options)
            var request = URLRequest(url: server.url("/echo?token=abc"))
            request.httpMethod = "POST"
            request.setValue("Bearer not-redacted-on-the-wire", forHTTPHeaderField: "Authorization")
            request.httpBody = Data("ping".utf8)
            let (data, response) = try await vcr.session.data(for: request)
            let streamed = await ChunkRecorder.run(
                URLRequest(url: server.url("/binary")), configuration: vcr.makeConfiguration())
            let report = vcr.stop()

            #expect(data == Data(#"{"ok":true}"#.utf8))
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
            #expect(streamed.body == LocalServer.binaryBody)
            let received = try #require(server.received.first)
            #expect(received.uri == "/echo?token=abc")
            #expect(received.headers.contains { $0 == ("Authorization", "Bearer not-redacted-on-the-wire") })
            #expect(received.body == Data("ping".utf8))
            #expect(report.recordedInteractions.isEmpty)
            #expect(report.unmatchedRequests.isEmpty)
            #expect(
                report.passedThroughRequests == [
                    "POST \(server.origin)/echo?token=REDACTED", "GET \(server.origin)/binary",
                ])
            #expect(report.description.contains("passed through: GET \(server.origin)/binary"))
            #expect(try Data(contentsOf: cassette) == before)
        }
    }

    @Test func hostsAndPredicatesCombine() {
        let passthrough = VCR.Passthrough.hosts("Telemetry.Example.com").or(
            VCR.Passthrough { $0.url.hasSuffix("/health") })
        #expect(passthrough.lets(InterceptedRequest(method: "GET", url: "https://telemetry.example.com:8443/v1")))
        #expect(passthrough.lets(InterceptedRequest(method: "GET", url: "https://api.example.com/health")))
        #expect(!passthrough.lets(InterceptedRequest(method: "GET", url: "https://api.example.com/items")))
        #expect(VCR.Passthrough.loopback.lets(InterceptedRequest(method: "GET", url: "http://[::1]:8080/")))
        #expect(VCR.Passthrough.loopback.lets(InterceptedRequest(method: "GET", url: "http://localhost/")))
        #expect(VCR.Passthrough.loopback.lets(InterceptedRequest(method: "GET", url: "http://127.0.0.2/")))
        #expect(!VCR.Passthrough.loopback.lets(InterceptedRequest(method: "GET", url: "http://127.example.com/")))
        #expect(!VCR.Passthrough.nothing.lets(InterceptedRequest(method: "GET", url: "http://localhost/")))
    }

    @Test func otherRequestsAreStillReplayed() async throws {
        let server = try LocalServer()
        defer { try? server.shutdown() }
        var options = Fixtures.quiet
        options.passthrough = .loopback
        let vcr = VCR(
            cassette: Cassette(interactions: [Fixtures.interaction(0)]), path: "/c/mixed.yaml", options: options)
        let (replayed, _) = try await vcr.session.data(from: URL(string: "https://api.example.com/items")!)
        let (live, _) = try await vcr.session.data(from: server.url("/echo"))
        let report = vcr.stop()
        try report.check(allowingUnused: false)
        #expect(replayed == Data("{}".utf8))
        #expect(live == Data(#"{"ok":true}"#.utf8))
        #expect(report.servedCount == 1)
        #expect(report.passedThroughRequests.count == 1)
    }
}

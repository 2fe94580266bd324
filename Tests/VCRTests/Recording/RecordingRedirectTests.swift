import Foundation
import TestSupport
import Testing
import VCR
import VCRCassette

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Redirects recorded against a server in the test process: each hop is an
/// interaction of its own, as go-vcr records them, and the cassette replays
/// offline to the same final response.
@Suite(.serialized) struct RecordingRedirectTests {
    /// Sends `request` through a VCR in `all` mode recording into a new cassette in `folder`.
    private func record(
        _ request: URLRequest, in folder: URL, delegate: (any URLSessionDelegate)? = nil
    ) async throws -> (data: Data, response: HTTPURLResponse, cassette: Cassette, url: URL) {
        let url = folder.appendingPathComponent("redirects.yaml")
        let vcr = try VCR(cassette: url, mode: .all, options: RecordingSupport.quiet)
        let session = URLSession(configuration: vcr.makeConfiguration(), delegate: delegate, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(for: request)
        let report = vcr.stop()
        #expect(report.isSaved)
        #expect(report.saveErrors.isEmpty)
        return (data, try #require(response as? HTTPURLResponse), try Cassette(contentsOf: url), url)
    }

    @Test func aChainIsRecordedHopByHopAndReplaysOffline() async throws {
        let server = try LocalServer()
        try await TemporaryFolder.with("vcr-record") { folder in
            let request = URLRequest(url: server.url("/chain?hops=3"))
            let recorded = try await record(request, in: folder)
            try? server.shutdown()
            #expect(recorded.response.statusCode == 200)
            #expect(recorded.response.url == server.url("/final"))
            #expect(recorded.data == LocalServer.finalBody(method: "GET"))
            #expect(server.received.map(\.uri) == ["/chain?hops=3", "/chain?hops=2", "/chain?hops=1", "/final"])

            let interactions = recorded.cassette.interactions
            try #require(interactions.count == 4)
            #expect(interactions.map(\.id) == [0, 1, 2, 3])
            #expect(
                interactions.map(\.request.url)
                    == ["/chain?hops=3", "/chain?hops=2", "/chain?hops=1", "/final"].map { server.origin + $0 })
            #expect(interactions.map(\.response.code) == [302, 302, 302, 200])
            #expect(
                interactions.map { $0.response.headers["Location"] ?? [] } == [
                    ["/chain?hops=2"], ["/chain?hops=1"], ["/final"], [],
                ])
            #expect(interactions[0].response.body == LocalServer.redirectBody)
            #expect(interactions[1].request.headers["Referer"] == [server.origin + "/chain?hops=3"])
            try RecordingSupport.expectValid(recorded.url)
            // `vcr check` sends every recorded request alone: each hop passes as recorded.
            let check = try RecordingSupport.runVCR(["check", recorded.url.path])
            #expect(check.status == 0, "vcr check: \(check.output)")
            #expect(check.output.contains("4 passed"), "vcr check: \(check.output)")

            // The server is gone: the chain replays from the cassette alone, every hop used.
            let (data, response) = try await RecordingSupport.replay(request, from: recorded.url)
            #expect(response.statusCode == 200)
            #expect(response.url == server.url("/final"))
            #expect(data == LocalServer.finalBody(method: "GET"))
        }
    }

    @Test func a307KeepsThePostAndItsBodyAndA303TurnsItIntoAGet() async throws {
        try await RecordingSupport.withServerAndFolder { server, folder in
            for (code, method, body) in [(307, "POST", "payload"), (303, "GET", "")] {
                var request = URLRequest(url: server.url("/redirect?to=/final&code=\(code)"))
                request.httpMethod = "POST"
                request.httpBody = Data("payload".utf8)
                let recorded = try await record(request, in: folder)
                #expect(recorded.data == LocalServer.finalBody(method: method, body: Data(body.utf8)))
                let hops = recorded.cassette.interactions
                try #require(hops.count == 2)
                #expect(hops.map(\.request.method) == ["POST", method])
                #expect(hops.map { String(decoding: $0.request.body, as: UTF8.self) } == ["payload", body])
                #expect(hops.map(\.response.code) == [code, 200])
                try FileManager.default.removeItem(at: recorded.url)
            }
            #expect(server.received.map(\.method) == ["POST", "POST", "POST", "GET"])
        }
    }

    @Test func aDelegateThatRefusesRecordsAndReceivesOnlyTheRedirect() async throws {
        try await RecordingSupport.withServerAndFolder { server, folder in
            let recorded = try await record(
                URLRequest(url: server.url("/redirect?to=/final")), in: folder, delegate: RedirectPolicy(follows: false)
            )
            #expect(recorded.response.statusCode == 302)
            #expect(recorded.data == LocalServer.redirectBody)
            #expect(recorded.cassette.interactions.map(\.response.code) == [302])
            #expect(server.received.map(\.uri) == ["/redirect?to=/final"])
        }
    }
}

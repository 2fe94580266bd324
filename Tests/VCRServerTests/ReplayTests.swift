import Foundation
import TestSupport
import Testing
import VCR
import VCRCassette
import VCRServer

/// Replaying through the server: a request to it is answered as the VCR
/// answers it, with the recorded status, fields and bytes, streamed at the
/// VCR's own chunk boundaries.
@Suite struct ReplayTests {
    @Test func seedStreamArrivesAsItsEventsOneChunkEach() async throws {
        let cassette = try Cassette(contentsOf: PackageFiles.seedCassette)
        let server = try await CassetteServer(
            cassette: PackageFiles.seedCassette.path, mode: .never, options: ServerFixtures.quiet)
        let recorded = cassette.interactions[0]
        let bytes = try await Wire.exchange(ServerFixtures.request(for: recorded.request), port: server.port)
        let response = try WireResponse.parseOne(bytes)
        #expect(response.status == 200)
        #expect(response.isChunked)
        #expect(response.values("Content-Type") == recorded.response.headers["Content-Type"])
        #expect(response.body == Array(recorded.response.body))
        // Each SSE event is its own HTTP chunk: a streaming client sees them one by one.
        let events = String(decoding: recorded.response.body, as: UTF8.self).components(separatedBy: "\n\n").dropLast()
        #expect(response.chunks.count == events.count)
        #expect(response.chunks.map { String(decoding: $0, as: UTF8.self) } == events.map { $0 + "\n\n" })
        try await server.stop().check(allowingUnused: true)
    }

    @Test func jsonPostReplaysItsRecordedBody() async throws {
        let name = try #require(
            ServerFixtures.servableCorpusCassettes.first { name in
                guard let cassette = try? Cassette(contentsOf: ServerFixtures.corpusFile(name)) else { return false }
                return cassette.interactions.contains { isJSONPost($0) }
            })
        let cassette = try Cassette(contentsOf: ServerFixtures.corpusFile(name))
        let server = try await CassetteServer(
            cassette: ServerFixtures.corpusFile(name).path, mode: .never,
            options: VCR.Options(allowsRepeats: true, printsMismatches: false))
        let interaction = try #require(cassette.interactions.first { isJSONPost($0) })
        let response = try WireResponse.parseOne(
            try await Wire.exchange(ServerFixtures.request(for: interaction.request), port: server.port))
        #expect(response.status == interaction.response.code)
        #expect(response.body == Array(interaction.response.body))
        #expect(response.values("Content-Type").first?.hasPrefix("application/json") == true)
        #expect(try JSONSerialization.jsonObject(with: Data(response.body)) is [String: Any])
        let report = await server.stop()
        #expect(report.servedCount == 1)
        #expect(!report.hasFailedRequests)
    }

    /// Every interaction of the corpus, sent to a server of its cassette,
    /// arrives with the recorded status, end-to-end fields and body bytes.
    @Test func theServableCorpusHoldsEveryFantasyCassette() {
        #expect(ServerFixtures.servableCorpusCassettes.filter { $0.hasPrefix("fantasy/") }.count == 29)
        #expect(ServerFixtures.servableCorpusCassettes.count > 29)
    }

    @Test(arguments: ServerFixtures.servableCorpusCassettes + ["seed"])
    func corpusReplaysThroughTheSocket(_ name: String) async throws {
        let file = name == "seed" ? PackageFiles.seedCassette : ServerFixtures.corpusFile(name)
        let cassette = try Cassette(contentsOf: file)
        let origins = Set(cassette.interactions.compactMap { URLComponents(string: $0.request.url)?.host })
        let server = try await CassetteServer(cassette: file.path, mode: .never, options: ServerFixtures.quiet)
        for interaction in cassette.interactions {
            var request = ServerFixtures.request(for: interaction.request)
            if origins.count > 1, let components = URLComponents(string: interaction.request.url) {
                // Several origins: the first path segment names the host.
                let prefix = components.port.map { "\(components.host ?? ""):\($0)" } ?? components.host ?? ""
                let text = String(decoding: request, as: UTF8.self)
                let space = try #require(text.firstIndex(of: " "))
                request = Array(
                    (String(text[...space]) + "/" + prefix + String(text[text.index(after: space)...])).utf8)
            }
            let bytes = try await Wire.exchange(request, port: server.port)
            let response = try WireResponse.parseOne(bytes)
            let recorded = interaction.response
            #expect(response.status == recorded.code, "#\(interaction.id) of \(name)")
            #expect(
                ServerFixtures.endToEndHeaders(of: response) == ServerFixtures.endToEndHeaders(of: recorded),
                "#\(interaction.id) of \(name)")
            #expect(response.body == Array(recorded.body), "#\(interaction.id) of \(name): \(response)")
        }
        let report = await server.stop()
        #expect(report.unmatchedRequests.isEmpty, "\(report)")
        #expect(report.servedCount == cassette.interactions.count)
    }

    @Test func keepAliveConnectionAnswersPipelinedRequestsInOrder() async throws {
        let cassette = try Cassette(contentsOf: PackageFiles.seedCassette)
        let server = try await CassetteServer(
            cassette: PackageFiles.seedCassette.path, mode: .never, options: ServerFixtures.quiet)
        let first = ServerFixtures.request(for: cassette.interactions[0].request, close: false)
        let second = ServerFixtures.request(for: cassette.interactions[1].request, close: true)
        let responses = try WireResponse.parseAll(try await Wire.exchange(first + second, port: server.port))
        #expect(responses.count == 2)
        #expect(responses.map(\.body) == cassette.interactions.map { Array($0.response.body) })
        try await server.stop().check()
    }

    @Test func mismatchIsStatus599WithTheReportAsBodyAndInTheReport() async throws {
        let server = try await CassetteServer(
            cassette: PackageFiles.seedCassette.path, mode: .never, options: ServerFixtures.quiet)
        let request = WireRequest.make(
            "POST", "/v1/chat/completions", headers: [("Content-Type", "application/json")],
            body: Array(#"{"model":"gpt-4o-mini","messages":[]}"#.utf8))
        let response = try WireResponse.parseOne(try await Wire.exchange(request, port: server.port))
        #expect(response.status == CassetteServer.errorStatusCode)
        #expect(response.values(CassetteServer.mismatchHeader) == ["true"])
        let report = await server.stop()
        let mismatch = try #require(report.unmatchedRequests.first)
        #expect(report.unmatchedRequests.count == 1)
        #expect(mismatch.request.url == "https://api.openai.com/v1/chat/completions")
        #expect(response.bodyText == mismatch.description + "\n")
        #expect(throws: ReplayFailure.self) { try report.check(allowingUnused: true) }
    }

    @Test func severalOriginsAreNamedByTheFirstPathSegment() async throws {
        let folder = try TemporaryFolder.make("vcr-server")
        let path = folder.appendingPathComponent("two.yaml").path
        var cassette = Cassette()
        cassette.interactions = [
            Self.interaction(0, url: "https://api.one.example/v1/items", body: #"{"from":"one"}"#),
            Self.interaction(1, url: "http://127.0.0.1:8081/status", body: #"{"from":"two"}"#),
            Self.interaction(2, url: "https://api.one.example/v1/items", body: #"{"from":"one, again"}"#),
        ]
        try cassette.write(to: URL(fileURLWithPath: path))
        let server = try await CassetteServer(cassette: path, mode: .never, options: ServerFixtures.quiet)
        #expect(server.origins == ["https://api.one.example", "http://127.0.0.1:8081"])
        #expect(
            server.baseURL(for: "https://api.one.example")?.absoluteString == server.baseURL.absoluteString
                + "/api.one.example")
        let two = try WireResponse.parseOne(
            try await Wire.exchange(WireRequest.make("GET", "/127.0.0.1:8081/status"), port: server.port))
        let one = try WireResponse.parseOne(
            try await Wire.exchange(WireRequest.make("GET", "/api.one.example/v1/items"), port: server.port))
        let unknown = try WireResponse.parseOne(
            try await Wire.exchange(WireRequest.make("GET", "/v1/items"), port: server.port))
        // A request in absolute form, as sent to a proxy, is matched as its URL.
        let absolute = try WireResponse.parseOne(
            try await Wire.exchange(WireRequest.make("GET", "https://api.one.example/v1/items"), port: server.port))
        #expect(absolute.bodyText == #"{"from":"one, again"}"#)
        #expect(one.bodyText == #"{"from":"one"}"#)
        #expect(two.bodyText == #"{"from":"two"}"#)
        #expect(unknown.status == CassetteServer.errorStatusCode)
        #expect(unknown.values(CassetteServer.errorHeader) == ["origin"])
        #expect(unknown.bodyText.contains("first path segment"))
        let report = await server.stop()
        #expect(report.servedCount == 3)
        #expect(report.failedRequests.count == 1)
    }

    private func isJSONPost(_ interaction: Interaction) -> Bool {
        interaction.request.method == "POST"
            && interaction.response.headers.contains {
                $0.key.lowercased() == "content-type" && $0.value.contains { $0.hasPrefix("application/json") }
            }
    }

    static func interaction(_ id: Int, url: String, body: String) -> Interaction {
        Interaction(
            id: id,
            request: RecordedRequest(url: url, method: "GET"),
            response: RecordedResponse(
                contentLength: Int64(body.utf8.count), body: Data(body.utf8),
                headers: ["Content-Type": ["application/json"], "Content-Length": ["\(body.utf8.count)"]],
                status: "200 OK", code: 200))
    }
}

import Foundation
import TestSupport
import Testing
import VCR
import VCRCassette
import VCRServer

/// Many clients, bad clients and slow clients: each gets an answer or an
/// error, and the server goes on serving the others.
@Suite struct RobustnessTests {
    private func seedServer(_ configuration: CassetteServer.Configuration = .init()) async throws -> CassetteServer {
        try await CassetteServer(
            cassette: PackageFiles.seedCassette.path, mode: .never,
            options: VCR.Options(allowsRepeats: true, printsMismatches: false), configuration: configuration)
    }

    /// A request the seed cassette answers, and the body it answers with.
    private func seedRequest() throws -> (request: [UInt8], body: [UInt8]) {
        let interaction = try Cassette(contentsOf: PackageFiles.seedCassette).interactions[0]
        return (ServerFixtures.request(for: interaction.request), Array(interaction.response.body))
    }

    /// The server still answers a good request.
    private func expectServing(_ server: CassetteServer, sourceLocation: SourceLocation = #_sourceLocation) async throws
    {
        let (request, body) = try seedRequest()
        let response = try WireResponse.parseOne(try await Wire.exchange(request, port: server.port))
        #expect(response.status == 200, sourceLocation: sourceLocation)
        #expect(response.body == body, sourceLocation: sourceLocation)
    }

    @Test func twoHundredConcurrentConnectionsAllReplay() async throws {
        let server = try await seedServer()
        let (request, body) = try seedRequest()
        let bodies = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<200 {
                group.addTask { try WireResponse.parseOne(try await Wire.exchange(request, port: server.port)).body }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(bodies.count == 200)
        #expect(bodies.allSatisfy { $0 == body })
        let report = await server.stop()
        #expect(report.servedCount == 200)
        #expect(!report.hasFailedRequests)
    }

    @Test func bindsLoopbackOnly() async throws {
        let server = try await seedServer()
        #expect(server.baseURL.host == "127.0.0.1")
        #expect(server.port > 0)
        await server.stop()
    }

    @Test func malformedRequestGets400AndTheServerGoesOn() async throws {
        let server = try await seedServer()
        let response = try WireResponse.parseOne(try await Wire.exchange("NOT HTTP AT ALL\r\n\r\n", port: server.port))
        #expect(response.status == 400)
        try await expectServing(server)
        await server.stop()
    }

    @Test func oversizedHeadersGetAnErrorAndTheServerGoesOn() async throws {
        let server = try await seedServer()
        let huge = String(repeating: "a", count: 200_000)
        let bytes = try await Wire.exchange("GET / HTTP/1.1\r\nHost: x\r\nX-Huge: \(huge)\r\n\r\n", port: server.port)
        let response = try WireResponse.parseOne(bytes)
        #expect((400..<500).contains(response.status))
        try await expectServing(server)
        await server.stop()
    }

    @Test func bodyOverTheLimitIsRefused() async throws {
        let server = try await seedServer(CassetteServer.Configuration(maximumBodySize: 16))
        let request = WireRequest.make("POST", "/v1/chat/completions", body: Array(repeating: 0x61, count: 100))
        let response = try WireResponse.parseOne(try await Wire.exchange(request, port: server.port))
        #expect(response.status == CassetteServer.errorStatusCode)
        #expect(response.values(CassetteServer.errorHeader) == ["body-too-large"])
        await server.stop()
    }

    @Test func expectContinueGetsAnInterimResponseThenTheAnswer() async throws {
        let server = try await seedServer()
        let interaction = try Cassette(contentsOf: PackageFiles.seedCassette).interactions[0]
        let request = WireRequest.make(
            "POST", "/v1/chat/completions",
            headers: [("Content-Type", "application/json"), ("Expect", "100-continue")],
            body: Array(interaction.request.body))
        let bytes = try await Wire.exchange(request, port: server.port)
        #expect(String(decoding: bytes.prefix(25), as: UTF8.self) == "HTTP/1.1 100 Continue\r\n\r\n")
        #expect(try WireResponse.parseOne(bytes).body == Array(interaction.response.body))
        await server.stop()
    }

    @Test func slowClientsAreCutOffAtTheRequestTimeout() async throws {
        // Long enough that a whole request arrives in time on a loaded machine
        // (300 ms did not, once, with a build running beside the tests).
        let server = try await seedServer(CassetteServer.Configuration(requestTimeout: .seconds(1)))
        // Headers that never end: the connection is closed.
        let stalledHead = try await Wire.exchange(
            "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: 1", port: server.port, timeout: .seconds(20))
        #expect(stalledHead.isEmpty)
        // A body that never ends: 408, then the connection is closed.
        let stalledBody = try await Wire.exchange(
            "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"a\"", port: server.port,
            timeout: .seconds(20))
        #expect(try WireResponse.parseOne(stalledBody).status == 408)
        try await expectServing(server)
        await server.stop()
    }
}

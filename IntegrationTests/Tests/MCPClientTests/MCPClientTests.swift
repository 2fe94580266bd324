import Foundation
import MCP
import Testing
import VCR
import VCRCassette

/// The real MCP swift-sdk client (`HTTPClientTransport`), recorded against an
/// in-process MCP server, then replayed offline several times with no wrapper:
/// its request ids are random UUIDs, different on every run.
@Suite struct MCPClientTests {
    /// What one session of the client saw.
    struct Session: Equatable {
        var serverName: String
        var toolNames: [String]
        var sum: String
    }

    @Test func recordsThenReplaysOfflineWithFreshIDsEachRun() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vcr-mcp-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cassette = folder.appendingPathComponent("mcp.yaml")
        let server = try MCPStandIn()
        let endpoint = server.endpoint

        let recorder = try VCR(cassette: cassette, mode: .all, options: .jsonRPC)
        let recorded = try await bounded(seconds: 30) { try await Self.session(endpoint, recorder) }
        let recording = recorder.stop()
        try recording.check()
        #expect(recording.isSaved)
        #expect(recorded == Session(serverName: "stand-in", toolNames: ["add"], sum: "5"))
        let requestsWhileRecording = server.requestCount
        #expect(requestsWhileRecording == recording.recordedInteractions.count)
        try server.shutdown()

        let recordedIDs = Set(try Self.requestIDs(in: cassette))
        #expect(recordedIDs.count == 3)  // initialize, tools/list, tools/call
        var liveIDsOfEarlierRuns: Set<String> = []
        for _ in 0..<3 {
            let liveIDs = IDLog()
            var options = VCR.Options.jsonRPC
            options.beforeReplay.append { _, request, _ in liveIDs.add(request.body) }
            let player = try VCR(cassette: cassette, mode: .never, options: options)
            let replayed = try await bounded(seconds: 30) { try await Self.session(endpoint, player) }
            let report = player.stop()
            try report.check(allowingUnused: false)
            #expect(replayed == recorded)
            #expect(report.servedCount == recording.recordedInteractions.count)
            // Each run sent ids of its own, none of them the recorded ones.
            #expect(liveIDs.ids.count == 3)
            #expect(liveIDs.ids.isDisjoint(with: recordedIDs))
            #expect(liveIDs.ids.isDisjoint(with: liveIDsOfEarlierRuns))
            liveIDsOfEarlierRuns.formUnion(liveIDs.ids)
        }
        #expect(server.requestCount == requestsWhileRecording)
    }

    @Test func withoutJSONRPCReplayTheMismatchSaysTheIDsDifferNotToRecordAgain() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vcr-mcp-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cassette = folder.appendingPathComponent("mcp.yaml")
        let server = try MCPStandIn()
        defer { try? server.shutdown() }
        let endpoint = server.endpoint
        let recorder = try VCR(cassette: cassette, mode: .all, options: .jsonRPC)
        _ = try await bounded(seconds: 30) { try await Self.session(endpoint, recorder) }
        try recorder.stop().check()

        let player = try VCR(cassette: cassette, mode: .never, options: VCR.Options(printsMismatches: false))
        await #expect(throws: (any Error).self) {
            _ = try await bounded(seconds: 30) { try await Self.session(endpoint, player) }
        }
        let mismatch = try #require(player.stop().unmatchedRequests.first)
        #expect(mismatch.description.contains("only in id-like fields (`id`)"))
        #expect(!mismatch.description.contains("run again with VCR_RECORD=new_episodes"))
    }

    /// Connects a new MCP client to `endpoint` through the VCR, lists the tools
    /// and calls `add`, then disconnects.
    private static func session(_ endpoint: URL, _ vcr: VCR) async throws -> Session {
        let transport = HTTPClientTransport(
            endpoint: endpoint, configuration: vcr.makeConfiguration(), streaming: false)
        let client = Client(name: "vcr-tests", version: "1.0.0")
        let initialized = try await client.connect(transport: transport)
        let tools = try await client.listTools()
        let call = try await client.callTool(name: "add", arguments: ["a": .int(2), "b": .int(3)])
        await client.disconnect()
        let content = String(decoding: try JSONEncoder().encode(call.content), as: UTF8.self)
        let sum = content.contains(#""text":"5""#) ? "5" : content
        return Session(serverName: initialized.serverInfo.name, toolNames: tools.tools.map(\.name), sum: sum)
    }

    /// The JSON-RPC ids of the cassette's requests.
    private static func requestIDs(in url: URL) throws -> [String] {
        try Cassette(contentsOf: url).interactions.compactMap { IDLog.id(in: $0.request.body) }
    }
}

/// The JSON-RPC ids of the live requests a replay answered.
final class IDLog: @unchecked Sendable {
    // @unchecked: `seen` is only touched under `lock`.
    private let lock = NSLock()
    private var seen: Set<String> = []

    var ids: Set<String> { lock.withLock { seen } }

    func add(_ body: Data?) {
        guard let id = body.flatMap(Self.id(in:)) else { return }
        lock.withLock { _ = seen.insert(id) }
    }

    /// The `id` of a JSON-RPC message, as text; nil for a notification.
    static func id(in body: Data) -> String? {
        let message = try? JSONSerialization.jsonObject(with: body) as? [String: Any]
        return message?["id"].map { "\($0)" }
    }
}

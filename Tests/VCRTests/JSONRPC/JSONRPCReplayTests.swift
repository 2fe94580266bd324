import Foundation
import Testing
import VCR
import VCRCassette

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `Options.useJSONRPC()`: requests match whatever their ids, and responses
/// carry the live ids.
@Suite struct JSONRPCReplayTests {
    private let endpoint = URL(string: "https://mcp.example.com/mcp")!

    private func interaction(_ id: Int, request: String, response: String, contentType: String = "application/json")
        -> Interaction
    {
        Fixtures.interaction(
            id, method: "POST", url: endpoint.absoluteString, requestHeaders: ["Content-Type": ["application/json"]],
            requestBody: request,
            headers: ["Content-Type": [contentType], "Content-Length": [String(response.utf8.count)]],
            body: response)
    }

    private func post(_ body: String) -> URLRequest {
        var request = URLRequest(url: endpoint)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(body.utf8)
        return request
    }

    @Test func aSingleRequestWithAnotherIDGetsItsOwnIDBack() async throws {
        let recorded = interaction(
            0, request: #"{"jsonrpc":"2.0","id":"rec-1","method":"tools/list"}"#,
            response: #"{"id":"rec-1","jsonrpc":"2.0","result":{"tools":[{"id":"rec-1","name":"x"}]}}"#)
        let vcr = VCR(cassette: Cassette(interactions: [recorded]), path: "/c/rpc.yaml", options: .jsonRPC)
        let (data, response) = try await vcr.session.data(
            for: post(#"{"jsonrpc":"2.0","method":"tools/list","id":"live-42"}"#))
        try vcr.stop().check(allowingUnused: false)
        // Only the message's own id changes; an `id` deeper in the result keeps its bytes.
        let expected = #"{"id":"live-42","jsonrpc":"2.0","result":{"tools":[{"id":"rec-1","name":"x"}]}}"#
        #expect(String(decoding: data, as: UTF8.self) == expected)
        #expect(
            (response as? HTTPURLResponse)?.value(forHTTPHeaderField: "Content-Length") == String(expected.utf8.count))
    }

    @Test func aBatchPairsIDsByPositionAndResponsesInAnyOrder() async throws {
        let recorded = interaction(
            0,
            request:
                #"[{"jsonrpc":"2.0","id":1,"method":"a"},{"jsonrpc":"2.0","method":"note"},{"jsonrpc":"2.0","id":2,"method":"b"}]"#,
            response:
                #"[{"jsonrpc":"2.0","id":2,"result":"B"},{"jsonrpc":"2.0","id":1,"error":{"code":-1,"message":"A"}}]"#)
        let vcr = VCR(cassette: Cassette(interactions: [recorded]), path: "/c/batch.yaml", options: .jsonRPC)
        let (data, _) = try await vcr.session.data(
            for: post(
                #"[{"jsonrpc":"2.0","id":"x","method":"a"},{"jsonrpc":"2.0","method":"note"},{"jsonrpc":"2.0","id":77,"method":"b"}]"#
            ))
        try vcr.stop().check()
        #expect(
            String(decoding: data, as: UTF8.self)
                == #"[{"jsonrpc":"2.0","id":77,"result":"B"},{"jsonrpc":"2.0","id":"x","error":{"code":-1,"message":"A"}}]"#
        )
    }

    @Test func serverSentEventsCarryTheLiveIDInEachResponseEvent() async throws {
        let stream =
            "event: message\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{\"id\":\"rec\"}}\n\n"
            + "event: message\r\ndata: {\"jsonrpc\":\"2.0\",\"id\":\"srv-1\",\"method\":\"sampling/createMessage\"}\r\n\r\n"
            + "event: message\ndata:{\"jsonrpc\":\"2.0\",\"id\":\"rec\",\"result\":{}}\n\n"
        let recorded = interaction(
            0, request: #"{"jsonrpc":"2.0","id":"rec","method":"tools/call"}"#, response: stream,
            contentType: "text/event-stream")
        let vcr = VCR(cassette: Cassette(interactions: [recorded]), path: "/c/sse.yaml", options: .jsonRPC)
        let outcome = await ChunkRecorder.run(
            post(#"{"jsonrpc":"2.0","id":"fresh","method":"tools/call"}"#), configuration: vcr.makeConfiguration())
        try vcr.stop().check()
        let expected = stream.replacingOccurrences(
            of: #"data:{"jsonrpc":"2.0","id":"rec""#, with: #"data:{"jsonrpc":"2.0","id":"fresh""#)
        #expect(String(decoding: outcome.body, as: UTF8.self) == expected)
        #expect(outcome.chunks.count == 3)
    }

    @Test func requestsThatDifferInMoreThanTheIDStillMismatch() async throws {
        let recorded = interaction(
            0, request: #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"add"}}"#,
            response: #"{"jsonrpc":"2.0","id":1,"result":{}}"#)
        var options = VCR.Options.jsonRPC
        options.printsMismatches = false
        let vcr = VCR(cassette: Cassette(interactions: [recorded]), path: "/c/differ.yaml", options: options)
        await #expect(throws: MismatchError.self) {
            _ = try await vcr.session.data(
                for: post(#"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"sub"}}"#))
        }
        #expect(vcr.stop().unmatchedRequests.count == 1)
    }

    @Test func useJSONRPCReplacesTheBodyMatchers() {
        var options = VCR.Options()
        options.matchers = [.method, .body, .path, .jsonBody(ignoring: ["x"])]
        options.useJSONRPC()
        #expect(options.matchers.map(\.name) == ["method", "jsonRPC(ignoring: id)", "path"])
        #expect(options.beforeReplay.count == 1)
    }

    @Test func aMismatchOnlyInIDsSaysSoInsteadOfAdvisingToRecordAgain() async throws {
        let recorded = interaction(
            0, request: #"{"jsonrpc":"2.0","id":"a1","method":"ping","meta":{"request_id":"r1"}}"#,
            response: #"{"jsonrpc":"2.0","id":"a1","result":{}}"#)
        let vcr = VCR(cassette: Cassette(interactions: [recorded]), path: "/c/ids.yaml", options: Fixtures.quiet)
        let error = await #expect(throws: MismatchError.self) {
            _ = try await vcr.session.data(
                for: post(#"{"jsonrpc":"2.0","id":"b2","method":"ping","meta":{"request_id":"r2"}}"#))
        }
        vcr.stop()
        let report = try #require(error).description
        #expect(report.contains("only in id-like fields (`id`, `request_id`)"))
        #expect(report.contains("options.useJSONRPC()"))
        #expect(!report.contains("run again with VCR_RECORD=new_episodes"))
    }

    @Test func aMismatchBeyondIDsStillAdvisesRecording() async throws {
        let recorded = interaction(0, request: #"{"id":"a1","method":"ping"}"#, response: "{}")
        let vcr = VCR(cassette: Cassette(interactions: [recorded]), path: "/c/ids2.yaml", options: Fixtures.quiet)
        let error = await #expect(throws: MismatchError.self) {
            _ = try await vcr.session.data(for: post(#"{"id":"b2","method":"pong"}"#))
        }
        vcr.stop()
        #expect(try #require(error).description.contains("run again with VCR_RECORD=new_episodes"))
    }
}

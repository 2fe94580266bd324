import Foundation
import Testing
import VCR
import VCRCassette

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Several VCRs live at once, as tests running in parallel use them.
@Suite struct ConcurrencyTests {
    private static let requestCount = 60

    /// A cassette of identical requests whose responses name the cassette and their position.
    private func cassette(_ name: String) -> Cassette {
        Cassette(
            interactions: (0..<Self.requestCount).map {
                Fixtures.interaction(
                    $0, method: "POST", url: "https://api.example.com/v1/chat", requestBody: #"{"prompt":"hi"}"#,
                    headers: ["Content-Type": ["text/event-stream"]],
                    body: "data: \(name)\n\ndata: \($0)\n\n", contentLength: -1)
            })
    }

    private func request() -> URLRequest {
        var request = URLRequest(url: URL(string: "https://api.example.com/v1/chat")!)
        request.httpMethod = "POST"
        request.httpBody = Data(#"{ "prompt": "hi" }"#.utf8)
        return request
    }

    private struct Received: Sendable {
        var cassette: String
        var body: String
        var chunkCount: Int?
    }

    @Test func twoCassettesReplayConcurrentlyEachToItsOwnSessions() async throws {
        let first = VCR(cassette: cassette("first"), path: "first.yaml", options: Fixtures.quiet)
        let second = VCR(cassette: cassette("second"), path: "second.yaml", options: Fixtures.quiet)
        let request = request()
        let received = await withTaskGroup(of: Received.self) { group in
            for index in 0..<Self.requestCount {
                for (name, vcr) in [("first", first), ("second", second)] {
                    group.addTask {
                        if index.isMultiple(of: 3) {
                            let outcome = await ChunkRecorder.run(request, configuration: vcr.makeConfiguration())
                            return Received(
                                cassette: name, body: String(decoding: outcome.body, as: UTF8.self),
                                chunkCount: outcome.chunks.count)
                        }
                        let data = (try? await vcr.session.data(for: request).0) ?? Data()
                        return Received(cassette: name, body: String(decoding: data, as: UTF8.self))
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        for name in ["first", "second"] {
            let mine = received.filter { $0.cassette == name }
            let expected = Set((0..<Self.requestCount).map { "data: \(name)\n\ndata: \($0)\n\n" })
            #expect(Set(mine.map(\.body)) == expected, "\(name) received another cassette's or a repeated response")
            #expect(mine.compactMap(\.chunkCount) == Array(repeating: 2, count: Self.requestCount / 3))
        }
        try first.stop().check()
        try second.stop().check()
    }
}

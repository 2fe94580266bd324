import Foundation
import Testing
import VCR
import VCRCassette

/// The index's body classes: requests found by their bytes or their JSON value,
/// with the same answers as comparing every interaction in file order.
@Suite struct BodyIndexTests {
    private static let url = "https://api.example.com/v1/chat"

    private func interaction(_ id: Int, _ body: String, url: String = url) -> Interaction {
        Fixtures.interaction(id, method: "POST", url: url, requestBody: body)
    }

    private func post(_ body: String?, url: String = url) -> InterceptedRequest {
        InterceptedRequest(method: "POST", url: url, body: body.map { Data($0.utf8) })
    }

    private func vcr(_ interactions: [Interaction], _ options: VCR.Options = Fixtures.quiet) -> VCR {
        VCR(cassette: Cassette(interactions: interactions), path: "/cassettes/index.yaml", options: options)
    }

    private func served(_ vcr: VCR, _ request: InterceptedRequest) -> Int? {
        vcr.consumeInteraction(for: request)?.id
    }

    /// Every interaction a new VCR serves `request` from, in the order it serves them.
    private func allServed(_ interactions: [Interaction], _ request: InterceptedRequest) -> [Int] {
        let vcr = vcr(interactions)
        var ids: [Int] = []
        while let id = served(vcr, request) { ids.append(id) }
        return ids
    }

    @Test func aByteEqualBodyFindsItsClassAlone() {
        let interactions = (0..<1_000).map { interaction($0, #"{"model":"m","n":\#($0)}"#) }
        #expect(allServed(interactions, post(#"{"model":"m","n":617}"#)) == [617])
        #expect(allServed(interactions, post(#"{"model":"m","n":1000}"#)) == [])
    }

    @Test func aJSONEqualBodyWithOtherBytesFindsTheSameClass() {
        let interactions = (0..<100).map { interaction($0, #"{"model":"m","n":\#($0),"tags":["a"]}"#) }
        let respelled = #"{ "tags" : [ "a" ], "n" : 42.0, "model" : "m" }"#
        #expect(allServed(interactions, post(respelled)) == [42])
    }

    @Test func bodiesEqualAsJSONShareAClassInFileOrder() {
        let interactions = [
            interaction(0, #"{"a":1,"b":2}"#),
            interaction(1, #"{"a":9}"#),
            interaction(2, #"{"b":2,"a":1.0}"#),
            interaction(3, #"{"a":1,"b":2}"#),
            interaction(4, "not json"),
            interaction(5, #"{"a":1,"b":2}"#, url: "https://api.example.com/v1/other"),
        ]
        #expect(allServed(interactions, post(#"{"a":1,"b":2}"#)) == [0, 2, 3])
        #expect(allServed(interactions, post(#"{"b":2,"a":1.0}"#)) == [0, 2, 3])
        #expect(allServed(interactions, post(#"{"a":1e0,"b":2}"#)) == [0, 2, 3])
        #expect(allServed(interactions, post("not json")) == [4])
        #expect(allServed(interactions, post("not JSON")) == [])
    }

    @Test func duplicatesAreServedInFileOrderWhateverTheirSpelling() {
        let vcr = vcr([
            interaction(0, #"{"a":1}"#),
            interaction(1, #"{"a":2}"#),
            interaction(2, #"{ "a": 1 }"#),
            interaction(3, #"{"a":1}"#),
        ])
        #expect(served(vcr, post(#"{ "a": 1 }"#)) == 0)
        #expect(served(vcr, post(#"{"a":1}"#)) == 2)
        #expect(served(vcr, post(#"{"a":1.00}"#)) == 3)
        #expect(served(vcr, post(#"{"a":1}"#)) == nil)
        #expect(served(vcr, post(#"{"a":2}"#)) == 1)
        let report = vcr.stop()
        #expect(report.servedCount == 4)
        #expect(report.unmatchedRequests.count == 1)
    }

    @Test func lineEndingsAreNormalisedInBothDirections() {
        let vcr = vcr([
            interaction(0, "line one\r\nline two\r\n"),
            interaction(1, "line one\nline two\n"),
            interaction(2, "{\r\n  \"a\": 1\r\n}"),
            interaction(3, "a\rb"),
        ])
        #expect(served(vcr, post("line one\nline two\n")) == 0)
        #expect(served(vcr, post("line one\r\nline two\r\n")) == 1)
        #expect(served(vcr, post("line one\nline two\n")) == nil)
        #expect(served(vcr, post("{\n  \"a\": 1\n}")) == 2)
        #expect(served(vcr, post("a\nb")) == nil)
        #expect(served(vcr, post("a\rb")) == 3)
    }

    @Test func aRequestWithoutBodyTakesTheBucketInFileOrder() {
        let vcr = vcr([interaction(0, #"{"a":1}"#), interaction(1, "x"), interaction(2, #"{"a":1}"#)])
        #expect(served(vcr, post(#"{"a":1}"#)) == 0)
        #expect(served(vcr, post(nil)) == 1)
        #expect(served(vcr, post("")) == 2)
        #expect(served(vcr, post(nil)) == nil)
    }

    @Test func repeatsServeTheLastUsedMemberOfTheClass() {
        var options = Fixtures.quiet
        options.allowsRepeats = true
        let vcr = vcr(
            [interaction(0, #"{"a":1}"#), interaction(1, #"{"a":2}"#), interaction(2, #"{"a":1.0}"#)], options)
        #expect((0..<4).map { _ in served(vcr, post(#"{"a":1}"#)) } == [0, 2, 2, 2])
        #expect(served(vcr, post(#"{"a":2}"#)) == 1)
        #expect(served(vcr, post(#"{"a":3}"#)) == nil)
    }

    @Test func otherMatchersAreCheckedWithinTheClass() {
        var options = Fixtures.quiet
        options.matchers = [.method, .path, .body, .headers("X-Turn")]
        let interactions = (0..<4).map { id in
            Fixtures.interaction(
                id, method: "POST", url: "https://recorded.example.com/v1/chat?turn=\(id)",
                requestHeaders: ["X-Turn": ["\(id % 2)"]], requestBody: #"{"same":true}"#)
        }
        let request = InterceptedRequest(
            method: "POST", url: "https://localhost/v1/chat", headers: ["x-turn": ["1"]],
            body: Data(#"{ "same": true }"#.utf8))
        let vcr = vcr(interactions, options)
        #expect((0..<3).map { _ in served(vcr, request) } == [1, 3, nil])
    }

    @Test func customMatchersStillSeeEveryInteraction() {
        var options = Fixtures.quiet
        options.matchers = [
            .method,
            .custom("same length") { request, interaction in request.body?.count == interaction.request.body.count },
        ]
        let vcr = vcr([interaction(0, "aaa"), interaction(1, "bb"), interaction(2, "cc")], options)
        #expect(served(vcr, post("xy")) == 1)
        #expect(served(vcr, post("zz")) == 2)
        #expect(served(vcr, post("zz")) == nil)
    }

    @Test func aBucketsOnlyClassIsFoundByItsJSONValue() {
        let other = "https://api.example.com/v1/other"
        let interactions = [
            interaction(0, #"{"a":1}"#), interaction(1, #"{"a":1}"#), interaction(2, #"{"x":[1]}"#, url: other),
        ]
        #expect(allServed(interactions, post(#"{ "a": 1.0 }"#)) == [0, 1])
        #expect(allServed(interactions, post(#"{"a":2}"#)) == [])
        #expect(allServed(interactions, post(#"{"x":[1.0]}"#, url: other)) == [2])
        #expect(allServed(interactions, post("a=1")) == [])
    }

    /// Small cassettes too: a bucket with one body class parses it only on a request's demand.
    @Test(arguments: zip([1, 2, 3, 4, 5, 6, 7] as [UInt64], [60, 60, 60, 60, 4, 2, 1]))
    func theIndexAnswersAsAScanInFileOrderWould(seed: UInt64, count: Int) {
        let spellings = [
            #"{"a":1}"#, #"{ "a": 1 }"#, #"{"a":1.0}"#, "{\r\n\"a\":1\r\n}", #"{"a":2}"#, #"{"b":[1,2]}"#,
            #"{"b":[1, 2]}"#, #"{"b":[2,1]}"#, "plain\r\ntext", "plain\ntext", "plain\rtext", "",
            #"{"a":2,"a":1}"#, #"{"é":1}"#, "{\"e\u{301}\":1}", #"{"\u00e9":1}"#,
        ]
        let urls = [Self.url, "https://api.example.com/v1/other"]
        var random = seed &* 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((random >> 33) % UInt64(bound))
        }
        let interactions = (0..<count).map {
            interaction($0, spellings[next(spellings.count)], url: urls[next(urls.count)])
        }
        let index = InteractionIndex(interactions: interactions, matchers: .default)
        let vcr = vcr(interactions)
        var used = Array(repeating: false, count: interactions.count)
        for _ in 0..<90 {
            let request = post(next(8) == 0 ? nil : spellings[next(spellings.count)], url: urls[next(urls.count)])
            let prepared = index.prepare(request)
            let expected = interactions.indices.first { !used[$0] && index.matches(prepared, at: $0) }
            if let expected { used[expected] = true }
            #expect(served(vcr, request) == expected)
        }
    }

    @Test func theLookupMarksInteractionsUsedLikeARequest() {
        let vcr = vcr([interaction(0, #"{"a":1}"#), interaction(1, #"{"a":2}"#)])
        let found = vcr.consumeInteraction(for: post(#"{"a":2}"#))
        #expect(found?.id == 1)
        #expect(found?.response.body == Data("{}".utf8))
        #expect(vcr.consumeInteraction(for: post(#"{"a":2}"#)) == nil)
        let report = vcr.stop()
        #expect(report.servedCount == 1)
        #expect(report.unusedInteractions.map(\.id) == [0])
        #expect(report.unmatchedRequests.map(\.request) == [post(#"{"a":2}"#)])
        #expect(vcr.consumeInteraction(for: post(#"{"a":1}"#)) == nil)
    }

    @Test func theLookupMatchesTheRedactedRequest() {
        var options = Fixtures.quiet
        options.redaction.queryParameters = ["key"]
        let vcr = vcr(
            [Fixtures.interaction(0, url: "https://api.example.com/items?key=secret-one")], options)
        #expect(
            vcr.consumeInteraction(
                for: InterceptedRequest(method: "GET", url: "https://api.example.com/items?key=secret-two"))?.id == 0)
    }
}

import Foundation
import Testing
import VCR
import VCRCassette

@Suite struct MatchingTests {
    private func vcr(_ interactions: [Interaction], _ options: VCR.Options = Fixtures.quiet) -> VCR {
        VCR(cassette: Cassette(interactions: interactions), path: "/cassettes/test.yaml", options: options)
    }

    /// The id of the interaction that answers the request, or nil on a mismatch.
    private func served(_ vcr: VCR, _ request: InterceptedRequest) -> Int? {
        if case .replay(let interaction, _) = vcr.resolve(request) { return interaction.id }
        return nil
    }

    private func post(_ body: String?, url: String = "https://api.example.com/items") -> InterceptedRequest {
        InterceptedRequest(method: "POST", url: url, body: body.map { Data($0.utf8) })
    }

    @Test func defaultRuleMatchesMethodAndURL() {
        let vcr = vcr([Fixtures.interaction(0, method: "GET"), Fixtures.interaction(1, method: "DELETE")])
        #expect(served(vcr, InterceptedRequest(method: "DELETE", url: "https://api.example.com/items")) == 1)
        #expect(served(vcr, InterceptedRequest(method: "GET", url: "https://api.example.com/other")) == nil)
        #expect(served(vcr, InterceptedRequest(method: "PUT", url: "https://api.example.com/items")) == nil)
    }

    @Test func defaultRuleNormalisesLineEndings() {
        let vcr = vcr([Fixtures.interaction(0, method: "POST", requestBody: "a\nb\n")])
        #expect(served(vcr, post("a\r\nb\r\n")) == 0)
    }

    @Test func defaultRuleComparesJSONByValue() {
        let vcr = vcr([Fixtures.interaction(0, method: "POST", requestBody: #"{"model":"x","n":1,"tags":["a"]}"#)])
        #expect(served(vcr, post(#"{ "tags": [ "a" ], "n": 1.0, "model": "x" }"#)) == 0)
    }

    @Test func defaultRuleRejectsADifferentBody() {
        let vcr = vcr([Fixtures.interaction(0, method: "POST", requestBody: #"{"n":1}"#)])
        #expect(served(vcr, post(#"{"n":2}"#)) == nil)
        #expect(served(vcr, post("n=1")) == nil)
    }

    @Test func aRequestWithoutBodyMatchesOnMethodAndURL() {
        let vcr = vcr([
            Fixtures.interaction(0, method: "POST", requestBody: #"{"n":1}"#),
            Fixtures.interaction(1, method: "POST", requestBody: #"{"n":2}"#),
        ])
        #expect(served(vcr, post(nil)) == 0)
        #expect(served(vcr, post("")) == 1)
    }

    @Test func identicalRequestsAreServedInFileOrder() {
        let vcr = vcr((0..<3).map { Fixtures.interaction($0, body: "{\"n\":\($0)}") })
        let request = InterceptedRequest(method: "GET", url: "https://api.example.com/items")
        #expect((0..<4).map { _ in served(vcr, request) } == [0, 1, 2, nil])
    }

    @Test func theFirstUnusedMatchIsServedEvenAfterOthers() {
        let vcr = vcr([
            Fixtures.interaction(0, method: "POST", requestBody: "a"),
            Fixtures.interaction(1, method: "POST", requestBody: "b"),
            Fixtures.interaction(2, method: "POST", requestBody: "a"),
        ])
        #expect(served(vcr, post("b")) == 1)
        #expect(served(vcr, post("a")) == 0)
        #expect(served(vcr, post("a")) == 2)
        #expect(served(vcr, post("b")) == nil)
    }

    @Test func repeatsServeUnusedMatchesFirstThenTheLastUsed() {
        var options = Fixtures.quiet
        options.allowsRepeats = true
        let vcr = vcr(
            [
                Fixtures.interaction(0), Fixtures.interaction(1, url: "https://api.example.com/other"),
                Fixtures.interaction(2),
            ], options)
        let request = InterceptedRequest(method: "GET", url: "https://api.example.com/items")
        #expect((0..<4).map { _ in served(vcr, request) } == [0, 2, 2, 2])
        #expect(vcr.stop().servedCount == 4)
    }

    @Test func matchersCanBeChosen() {
        var options = Fixtures.quiet
        options.matchers = [.method, .path, .query]
        let vcr = vcr([Fixtures.interaction(0, url: "http://recorded.example.com/v1/items?b=2&a=1%20x")], options)
        #expect(served(vcr, InterceptedRequest(method: "GET", url: "https://localhost:8080/v1/items?a=1+x&b=2")) == 0)
        #expect(served(vcr, InterceptedRequest(method: "GET", url: "https://localhost:8080/v1/items?a=1")) == nil)
    }

    @Test func headerMatchersIgnoreNameCaseAndValueSplitting() {
        var options = Fixtures.quiet
        options.matchers = [.url, .headers("Accept", "x-version")]
        let vcr = vcr(
            [
                Fixtures.interaction(
                    0, requestHeaders: ["accept": ["application/json", "text/plain"], "X-Version": ["2"]])
            ], options)
        let request = InterceptedRequest(
            method: "GET", url: "https://api.example.com/items",
            headers: ["Accept": ["application/json,text/plain"], "X-VERSION": ["2"]])
        #expect(served(vcr, request) == 0)
    }

    @Test func headerMatchersRejectOtherValues() {
        var options = Fixtures.quiet
        options.matchers = [.url, .headers("X-Version")]
        let vcr = vcr([Fixtures.interaction(0, requestHeaders: ["X-Version": ["2"]])], options)
        #expect(served(vcr, InterceptedRequest(method: "GET", url: "https://api.example.com/items")) == nil)
    }

    @Test func jsonBodyMatcherIgnoresTheGivenPaths() {
        var options = Fixtures.quiet
        options.matchers = [.method, .url, .jsonBody(ignoring: ["metadata.request_id", "messages[*].id"])]
        let vcr = vcr(
            [
                Fixtures.interaction(
                    0, method: "POST",
                    requestBody: #"{"metadata":{"request_id":"r1","user":"u"},"messages":[{"id":"m1","text":"hi"}]}"#)
            ], options)
        #expect(
            served(vcr, post(#"{"metadata":{"request_id":"r2","user":"u"},"messages":[{"id":"m9","text":"hi"}]}"#)) == 0
        )
    }

    @Test func jsonBodyMatcherStillComparesTheRest() {
        var options = Fixtures.quiet
        options.matchers = [.method, .url, .jsonBody(ignoring: ["metadata"])]
        let vcr = vcr([Fixtures.interaction(0, method: "POST", requestBody: #"{"metadata":1,"text":"hi"}"#)], options)
        #expect(served(vcr, post(#"{"metadata":2,"text":"bye"}"#)) == nil)
    }

    @Test func customMatchersSeeTheRequestAndTheInteraction() {
        var options = Fixtures.quiet
        options.matchers = [
            .custom("same host") { request, interaction in
                URL(string: request.url)?.host == URL(string: interaction.request.url)?.host
            }
        ]
        let vcr = vcr([Fixtures.interaction(0, url: "https://a.example.com/x")], options)
        #expect(served(vcr, InterceptedRequest(method: "PATCH", url: "https://a.example.com/y")) == 0)
        #expect(served(vcr, InterceptedRequest(method: "PATCH", url: "https://b.example.com/x")) == nil)
    }

    @Test func requestsAreServedFromTheirMethodAndURLInFileOrder() {
        let interactions = (0..<100).map { Fixtures.interaction($0, url: "https://api.example.com/items/\($0 % 10)") }
        let sameURL = Array(stride(from: 3, to: 100, by: 10))
        let keyed = vcr(interactions)
        let request = InterceptedRequest(method: "GET", url: "https://api.example.com/items/3")
        #expect(keyed.consumeInteraction(for: InterceptedRequest(method: "POST", url: request.url)) == nil)
        #expect((0...sameURL.count).map { _ in keyed.consumeInteraction(for: request)?.id } == sameURL + [nil])
        // Without method and URL matchers every interaction is a candidate: another
        // method and host reach the same ones.
        var options = Fixtures.quiet
        options.matchers = [.path]
        let unkeyed = vcr(interactions, options)
        let elsewhere = InterceptedRequest(method: "POST", url: "https://other.example.com/items/3")
        #expect((0...sameURL.count).map { _ in unkeyed.consumeInteraction(for: elsewhere)?.id } == sameURL + [nil])
    }

    @Test func manyIdenticalRequestsAreServedInFileOrder() {
        let vcr = vcr((0..<500).map { Fixtures.interaction($0) })
        let request = InterceptedRequest(method: "GET", url: "https://api.example.com/items")
        #expect((0..<500).map { _ in served(vcr, request) } == Array(0..<500))
        #expect(served(vcr, request) == nil)
    }
}

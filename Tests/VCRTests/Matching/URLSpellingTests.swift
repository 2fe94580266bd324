import Foundation
import Testing
import VCRCassette

@testable import VCR

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// URLs recorded by Go keep raw characters that Foundation percent-encodes:
/// both spellings of one URL must match, and only encodings that change a
/// URL's meaning keep two URLs apart.
@Suite struct URLSpellingTests {
    private func interaction(_ id: Int, url: String, body: String) -> Interaction {
        Interaction(
            id: id, request: RecordedRequest(url: url, method: "GET"),
            response: RecordedResponse(
                body: Data(body.utf8), headers: ["Content-Type": ["text/plain"]], status: "200 OK", code: 200))
    }

    @Test(arguments: [
        ("https://api.example.com/search?a[]=1&b[]=2", "https://api.example.com/search?a%5B%5D=1&b%5B%5D=2"),
        ("https://api.example.com/caf\u{E9}/\u{65E5}\u{672C}", "https://api.example.com/caf%C3%A9/%E6%97%A5%E6%9C%AC"),
        ("https://api.example.com/q?x=\"{|}\"", "https://api.example.com/q?x=%22%7B%7C%7D%22"),
        ("https://api.example.com/q?x=%c3%a9", "https://api.example.com/q?x=%C3%A9"),
        ("https://api.example.com/q?x=%7E%41", "https://api.example.com/q?x=~A"),
        ("https://api.example.com/q?text=a+b", "https://api.example.com/q?text=a%20b"),
        ("HTTPS://API.Example.COM:443/v1", "https://api.example.com/v1"),
        ("http://localhost:80", "http://localhost/"),
        ("https://api.example.com/v1#part", "https://api.example.com/v1"),
        ("https://api.example.com/a b?c d", "https://api.example.com/a%20b?c+d"),
    ])
    func spellingsOfOneURLAreEqual(_ recorded: String, _ live: String) {
        #expect(ComparableURL.spelling(of: recorded) == ComparableURL.spelling(of: live))
    }

    @Test(arguments: [
        ("https://api.example.com/a/b", "https://api.example.com/a%2Fb"),
        ("https://api.example.com/q?a=1&b=2", "https://api.example.com/q?a=1%26b=2"),
        ("https://api.example.com/q?a=1", "https://api.example.com/q?a%3D1"),
        ("https://api.example.com/q?sum=1+2", "https://api.example.com/q?sum=1%2B2"),
        ("https://api.example.com/v1", "https://api.example.com/V1"),
        ("https://api.example.com:8443/v1", "https://api.example.com/v1"),
    ])
    func encodingsThatChangeTheMeaningStayApart(_ recorded: String, _ live: String) {
        #expect(ComparableURL.spelling(of: recorded) != ComparableURL.spelling(of: live))
    }

    /// The check that lets an already comparable URL through as it is agrees
    /// with spelling it component by component, on URLs made of the
    /// characters each rule turns on.
    @Test func aURLLetThroughAsItIsIsSpelledAsItsComponentsWouldBe() {
        let schemes = ["https://", "http://", "HTTPS://", "ftp://", ""]
        let hosts = ["api.example.com", "API.example.com", "127.0.0.1", "user@host", "[::1]", ""]
        let ports = ["", ":443", ":80", ":8080", ":"]
        let pieces = [
            "/", "/v1", "a", "Z", "~", "-", ".", "_", "?", "&", "=", ";", "+", "%20", "%2F", "%41", "#", "@", "[",
            ":", " ", "\u{E9}", "%2c", "%C3", "%7E", "%26", "%3D", "%2B", "%", "%2", "%G1", "%E9%",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let count = Int.random(in: 0...7, using: &generator)
            let url =
                [schemes, hosts, ports].map { $0.randomElement(using: &generator)! }.joined()
                + (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(ComparableURL.spelling(of: url) == ComparableURL.spelledComponentByComponent(url), "\(url)")
        }
        for url in [
            "https://api.openai.com/v1/responses", "http://127.0.0.1:8080/v1/chat?stream=true&n=2;x=y",
            "https://api.example.com/", "https://api.example.com/?",
        ] {
            #expect(ComparableURL.spelling(of: url) == url)
            #expect(ComparableURL.spelledComponentByComponent(url) == url)
        }
    }

    @Test func aGoRecordedRawURLReplaysThroughURLSession() async throws {
        let cassette = Cassette(interactions: [
            interaction(0, url: "https://api.example.com/search?tags[]=caf\u{E9}&q={\"a\":1}", body: "first"),
            interaction(1, url: "https://api.example.com/\u{65E5}\u{672C}/items?sort=name+asc", body: "second"),
        ])
        let vcr = VCR(cassette: cassette, path: "/cassettes/raw.yaml", options: Fixtures.quiet)
        var components = URLComponents(string: "https://api.example.com/search")!
        components.queryItems = [
            URLQueryItem(name: "tags[]", value: "caf\u{E9}"), URLQueryItem(name: "q", value: "{\"a\":1}"),
        ]
        let first = try #require(components.url)
        #expect(first.absoluteString != cassette.interactions[0].request.url)
        let (firstBody, _) = try await vcr.session.data(from: first)
        let second = try #require(URL(string: "https://api.example.com/%E6%97%A5%E6%9C%AC/items?sort=name%20asc"))
        let (secondBody, _) = try await vcr.session.data(from: second)
        #expect(String(decoding: firstBody, as: UTF8.self) == "first")
        #expect(String(decoding: secondBody, as: UTF8.self) == "second")
        try vcr.stop().check()
    }

    @Test func thePathAndQueryMatchersCompareSpellingsToo() async throws {
        var options = Fixtures.quiet
        options.matchers = [.method, .path, .query]
        let cassette = Cassette(interactions: [
            interaction(0, url: "https://api.example.com/caf\u{E9}?b=2&a[]=1", body: "ok")
        ])
        let vcr = VCR(cassette: cassette, path: "/cassettes/raw.yaml", options: options)
        let url = try #require(URL(string: "https://api.example.com/caf%C3%A9?a%5B%5D=1&b=2"))
        let (body, _) = try await vcr.session.data(from: url)
        #expect(String(decoding: body, as: UTF8.self) == "ok")
        try vcr.stop().check()
    }

    @Test func aURLMismatchShowsBothSpellings() async throws {
        let cassette = Cassette(interactions: [interaction(0, url: "https://api.example.com/search?a[]=1", body: "ok")])
        let vcr = VCR(cassette: cassette, path: "/cassettes/raw.yaml", options: Fixtures.quiet)
        let url = try #require(URL(string: "https://api.example.com/search?a%5B%5D=2"))
        await #expect(throws: MismatchError.self) { _ = try await vcr.session.data(from: url) }
        let report = vcr.stop()
        let mismatch = try #require(report.unmatchedRequests.first)
        #expect(
            mismatch.description.contains(
                "cassette https://api.example.com/search?a[]=1, request https://api.example.com/search?a%5B%5D=2"))
    }
}

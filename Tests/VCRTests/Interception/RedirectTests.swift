import Foundation
import Testing
import VCRCassette

@testable import VCR

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Redirect chains: recorded hop by hop (as go-vcr records them), followed on
/// replay so that a caller gets what a live URLSession would give it.
@Suite(.serialized) struct RedirectTests {
    private static let origin = "https://api.example.com"

    private func vcr(_ interactions: [Interaction], _ options: VCR.Options = Fixtures.quiet) -> VCR {
        VCR(cassette: Cassette(interactions: interactions), path: "/cassettes/redirects.yaml", options: options)
    }

    /// A redirect with status `code` from `path` to `location`.
    private func hop(
        _ id: Int, _ path: String, to location: String, code: Int = 302, method: String = "GET",
        requestBody: String = ""
    ) -> Interaction {
        Fixtures.interaction(
            id, method: method, url: Self.origin + path, requestBody: requestBody, code: code,
            headers: ["Location": [location], "Content-Type": ["text/plain"]], body: "moved")
    }

    private func final(
        _ id: Int, _ path: String, method: String = "GET", requestBody: String = "", body: String = #"{"done":true}"#
    ) -> Interaction {
        Fixtures.interaction(id, method: method, url: Self.origin + path, requestBody: requestBody, body: body)
    }

    /// 0: /start → /middle (relative), 1: /middle → absolute /end?x=1, 2: /end?x=1 answers.
    private var chain: [Interaction] {
        [
            hop(0, "/start", to: "/middle"), hop(1, "/middle", to: Self.origin + "/end?x=1", code: 301),
            final(2, "/end?x=1"),
        ]
    }

    private func url(_ path: String) -> URL { URL(string: Self.origin + path)! }

    @Test func dataForFollowsAChainToTheFinalResponseAndUsesEveryHop() async throws {
        let vcr = vcr(chain)
        let (data, response) = try await vcr.session.data(for: URLRequest(url: url("/start")))
        let http = try #require(response as? HTTPURLResponse)
        #expect(http.statusCode == 200)
        #expect(http.url == url("/end?x=1"))
        #expect(data == Data(#"{"done":true}"#.utf8))
        let report = vcr.stop()
        #expect(report.unusedInteractions.isEmpty)
        try report.check()
    }

    @Test func aDataDelegateFollowsAChainToTheFinalResponseAndUsesEveryHop() async throws {
        let vcr = vcr(chain)
        let outcome = await ChunkRecorder.run(URLRequest(url: url("/start")), configuration: vcr.makeConfiguration())
        #expect(outcome.error == nil)
        #expect(outcome.response?.statusCode == 200)
        #expect(outcome.response?.url == url("/end?x=1"))
        #expect(outcome.body == Data(#"{"done":true}"#.utf8))
        try vcr.stop().check()
    }

    @Test func aDelegateThatRefusesGetsTheRedirectWithItsBody() async throws {
        let vcr = vcr(chain)
        let policy = RedirectPolicy(follows: false)
        let session = URLSession(configuration: vcr.makeConfiguration(), delegate: policy, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(for: URLRequest(url: url("/start")))
        let http = try #require(response as? HTTPURLResponse)
        #expect(http.statusCode == 302)
        #expect(http.value(forHTTPHeaderField: "Location") == "/middle")
        #expect(data == Data("moved".utf8))
        #expect(policy.asked == [url("/middle")])
        #expect(vcr.stop().unusedInteractions.map(\.id) == [1, 2])
    }

    @Test func aDelegateIsAskedAboutEveryHopAndCanFollowThem() async throws {
        let vcr = vcr(chain)
        let policy = RedirectPolicy(follows: true)
        let session = URLSession(configuration: vcr.makeConfiguration(), delegate: policy, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let (data, _) = try await session.data(for: URLRequest(url: url("/start")))
        #expect(data == Data(#"{"done":true}"#.utf8))
        #expect(policy.asked == [url("/middle"), url("/end?x=1")])
        try vcr.stop().check()
    }

    @Test(arguments: [301, 302, 303])
    func aPostRedirectedWithThisCodeBecomesAGetWithoutBody(code: Int) async throws {
        let options = VCR.Options(matchers: [.method, .url, .body], printsMismatches: false)
        let vcr = vcr(
            [hop(0, "/form", to: "/done", code: code, method: "POST", requestBody: "a=1"), final(1, "/done")], options)
        var request = URLRequest(url: url("/form"))
        request.httpMethod = "POST"
        request.httpBody = Data("a=1".utf8)
        let (data, response) = try await vcr.session.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(data == Data(#"{"done":true}"#.utf8))
        try vcr.stop().check()
    }

    @Test(arguments: [307, 308])
    func aPostRedirectedWithThisCodeKeepsItsMethodAndBody(code: Int) async throws {
        let options = VCR.Options(matchers: [.method, .url, .body], printsMismatches: false)
        let vcr = vcr(
            [
                hop(0, "/upload", to: "/upload/v2", code: code, method: "POST", requestBody: "payload"),
                final(1, "/upload/v2", method: "POST", requestBody: "payload"),
            ], options)
        var request = URLRequest(url: url("/upload"))
        request.httpMethod = "POST"
        request.httpBody = Data("payload".utf8)
        let (data, _) = try await vcr.session.data(for: request)
        #expect(data == Data(#"{"done":true}"#.utf8))
        try vcr.stop().check()
    }

    /// `count` redirects in a row, /hop/0 → /hop/1 → …, then /hop/count answers.
    private func chain(of count: Int) -> [Interaction] {
        (0..<count).map { hop($0, "/hop/\($0)", to: "/hop/\($0 + 1)") } + [final(count, "/hop/\(count)")]
    }

    @Test func nineRedirectsInARowAreFollowed() async throws {
        let vcr = vcr(chain(of: 9))
        let (data, _) = try await vcr.session.data(for: URLRequest(url: url("/hop/0")))
        #expect(data == Data(#"{"done":true}"#.utf8))
        try vcr.stop().check()
    }

    @Test func theTenthRedirectInARowFailsAsTooManyRedirects() async throws {
        // Go's client stops with "stopped after 10 redirects" at the tenth redirect response.
        let vcr = vcr(chain(of: 10))
        await #expect {
            _ = try await vcr.session.data(for: URLRequest(url: url("/hop/0")))
        } throws: { error in
            (error as? URLError)?.code == .httpTooManyRedirects
        }
        #expect(vcr.stop().unusedInteractions.map(\.id) == [10])
    }

    @Test func aRedirectWithoutLocationIsTheFinalResponse() async throws {
        let vcr = vcr([Fixtures.interaction(0, url: Self.origin + "/start", code: 302, body: "no location")])
        let (data, response) = try await vcr.session.data(for: URLRequest(url: url("/start")))
        #expect((response as? HTTPURLResponse)?.statusCode == 302)
        #expect(data == Data("no location".utf8))
        try vcr.stop().check()
    }

    @Test func aHopTheCassetteLacksFailsAsUnmatchedInNoneMode() async throws {
        let vcr = vcr([hop(0, "/start", to: "/missing")])
        await #expect(throws: MismatchError.self) {
            _ = try await vcr.session.data(for: URLRequest(url: url("/start")))
        }
        let report = vcr.stop()
        #expect(report.unmatchedRequests.map(\.request.url) == [Self.origin + "/missing"])
    }

    @Test func replayCheckPassesOnACassetteWithAChain() async throws {
        let outcome = await ReplayCheck.run(Cassette(interactions: chain), path: "/cassettes/redirects.yaml")
        #expect(outcome.interactionCount == 3)
        #expect(outcome.failures.map(\.description) == [])
    }

    @Test func headersCarryOverButCredentialsStayWithTheirHost() throws {
        var request = URLRequest(url: URL(string: "https://api.example.com/a")!)
        request.setValue("Bearer t", forHTTPHeaderField: "Authorization")
        request.setValue("s=1", forHTTPHeaderField: "Cookie")
        request.setValue("yes", forHTTPHeaderField: "X-Trace")
        let sameHost = try #require(
            RedirectRequest.next(
                after: redirect("https://api.example.com/a", to: "https://sub.api.example.com/b"), to: request,
                body: nil))
        #expect(sameHost.value(forHTTPHeaderField: "Authorization") == "Bearer t")
        #expect(sameHost.value(forHTTPHeaderField: "Referer") == "https://api.example.com/a")
        let otherHost = try #require(
            RedirectRequest.next(
                after: redirect("https://api.example.com/a", to: "http://cdn.test/b"), to: request, body: nil))
        #expect(otherHost.value(forHTTPHeaderField: "Authorization") == nil)
        #expect(otherHost.value(forHTTPHeaderField: "Cookie") == nil)
        #expect(otherHost.value(forHTTPHeaderField: "X-Trace") == "yes")
        // No Referer from https to http.
        #expect(otherHost.value(forHTTPHeaderField: "Referer") == nil)
    }

    private func redirect(_ from: String, to location: String) -> HTTPURLResponse {
        HTTPURLResponse(
            url: URL(string: from)!, statusCode: 302, httpVersion: "HTTP/1.1", headerFields: ["Location": location])!
    }
}

/// A task delegate that answers every redirect the same way and notes where each pointed.
final class RedirectPolicy: NSObject, URLSessionTaskDelegate, Sendable {
    private let follows: Bool
    private let targets = Locked<[URL]>([])

    /// The URLs of the redirects asked about, in order.
    var asked: [URL] { targets.withLock { $0 } }

    init(follows: Bool) {
        self.follows = follows
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        if let url = request.url { targets.withLock { $0.append(url) } }
        completionHandler(follows ? request : nil)
    }
}

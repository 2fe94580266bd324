import Foundation
import Testing
import VCRCassette

@testable import VCR

/// The redaction rules, on recorded values and on live requests before matching.
@Suite struct RedactionTests {
    private let rules = RedactionRules(VCR.Redaction())

    @Test func defaultHeadersAreReplacedWhateverTheirCase() {
        let request = rules.redact(
            RecordedRequest(headers: [
                "authorization": ["Bearer a"], "X-API-KEY": ["k"], "Cookie": ["a=b"], "Accept": ["*/*"],
                "X-Goog-Api-Key": ["g"], "X-Amz-Security-Token": ["t"], "X-Auth-Token": ["x"], "Api-Key": ["y"],
                "Proxy-Authorization": ["p"], "OpenAI-Api-Key": ["o"],
            ]))
        #expect(request.headers.filter { $0.key != "Accept" }.values.allSatisfy { $0 == ["REDACTED"] })
        #expect(request.headers.count == 10)
        #expect(request.headers["Accept"] == ["*/*"])
        let response = rules.redact(
            RecordedResponse(headers: ["Set-Cookie": ["s=1", "t=2"], "Content-Type": ["a/b"]]))
        #expect(response.headers == ["Set-Cookie": ["REDACTED", "REDACTED"], "Content-Type": ["a/b"]])
    }

    @Test func queryParametersAreReplacedInTheURLAndTheFormOnly() {
        let url = "https://h.example/v1/x?key=AIza%2Fq&alt=sse&Token=t1&keys=k&access_token=a+b#frag"
        let request = rules.redact(
            RecordedRequest(form: ["key": ["AIza/q"], "alt": ["sse"], "Token": ["t1"]], url: url))
        #expect(
            request.url
                == "https://h.example/v1/x?key=REDACTED&alt=sse&Token=REDACTED&keys=k&access_token=REDACTED#frag")
        #expect(request.form == ["key": ["REDACTED"], "alt": ["sse"], "Token": ["REDACTED"]])
        let untouched = "https://h.example/v1/x?alt=sse&q=%3A"
        #expect(rules.redact(RecordedRequest(url: untouched)).url == untouched)
        let edges = "https://h.example/x/é?&flag&key=a=b&&%6Bey=c&key=REDACTED&#key=d"
        #expect(
            rules.redact(RecordedRequest(url: edges)).url
                == "https://h.example/x/é?&flag&key=REDACTED&&%6Bey=REDACTED&key=REDACTED&#key=d")
    }

    @Test func urlencodedBodyFieldsAreReplaced() {
        let request = rules.redact(
            RecordedRequest(
                body: Data("grant_type=client_credentials&client_secret=s3cr%2Bt&client_id=app".utf8),
                headers: ["Content-Type": ["application/x-www-form-urlencoded; charset=utf-8"]]))
        #expect(request.body == Data("grant_type=client_credentials&client_secret=REDACTED&client_id=app".utf8))
    }

    @Test func jsonPathsReplaceValuesAndKeepEveryOtherByte() {
        let rules = RedactionRules(VCR.Redaction(jsonBodyPaths: ["auth.token", "items[*].secret", "list[1]", "deep"]))
        let body =
            #"{ "auth" : {"token":"abc\"d","user":"u"},"items":[{"secret":1},{"secret":{"x":[1,2]}},{"other":true}],"#
            + #""list":["a", "b" ,"c"],"deep":{"a":{"b":null}}, "n": 1.5e3 }"#
        let redacted = rules.redact(
            RecordedRequest(body: Data(body.utf8), headers: ["Content-Type": ["application/json"]]))
        #expect(
            String(decoding: redacted.body, as: UTF8.self)
                == #"{ "auth" : {"token":"REDACTED","user":"u"},"items":[{"secret":"REDACTED"},{"secret":"REDACTED"},{"other":true}],"#
                + #""list":["a", "REDACTED" ,"c"],"deep":"REDACTED", "n": 1.5e3 }"#)
        let notJSON = Data("data: {\"auth\":{\"token\":1}}\n\n".utf8)
        #expect(rules.redact(RecordedResponse(body: notJSON)).body == notJSON)
        let response = rules.redact(RecordedResponse(body: Data(#"{"auth":{"token":"t"}}"#.utf8)))
        #expect(response.body == Data(#"{"auth":{"token":"REDACTED"}}"#.utf8))
    }

    @Test func anAllowListDropsEveryOtherRequestHeader() {
        let rules = RedactionRules(VCR.Redaction(allowedRequestHeaders: ["Accept", "content-type", "User-Agent"]))
        let request = rules.redact(
            RecordedRequest(headers: ["accept": ["a"], "Content-Type": ["c"], "X-Trace": ["t"], "Authorization": ["z"]])
        )
        #expect(request.headers == ["accept": ["a"], "Content-Type": ["c"]])
    }

    @Test func disabledRedactsNothing() {
        let rules = RedactionRules(.disabled)
        let request = RecordedRequest(headers: ["Authorization": ["Bearer a"]], url: "https://h/x?key=1")
        #expect(rules.redact(request) == request)
        #expect(!rules.scansEnvironment)
    }

    @Test func aCassetteRecordedBeforeRedactionStillMatchesAndAnotherKeyMatchesToo() throws {
        var options = Fixtures.quiet
        options.matchers = [.method, .url, .headers("Authorization"), .body]
        let vcr = VCR(
            cassette: Cassette(interactions: [
                Fixtures.interaction(
                    0, url: "https://g.example/v1/models?key=AIza-recorded",
                    requestHeaders: ["Authorization": ["Bearer old"]])
            ]), path: "/c/old.yaml", options: options)
        let live = InterceptedRequest(
            method: "GET", url: "https://g.example/v1/models?key=AIza-another",
            headers: ["authorization": ["Bearer new"]])
        guard case .replay(let interaction, _) = vcr.resolve(live) else {
            Issue.record("the request differing only in redacted values was not answered")
            return
        }
        #expect(interaction.id == 0)
    }

    @Test func theSecretScanNamesVariablesThatLookSecretAndLongEnough() {
        let scan = SecretScan(environment: [
            "SERVICE_API_KEY": "abcdefgh-1", "GH_TOKEN": "ghp_123456789", "DB_PASSWORD": "hunter22",
            "SHORT_SECRET": "short", "PATH": "/usr/bin:/bin", "Client_Secret": "cs-12345678",
        ])
        let interaction = Interaction(
            id: 3,
            request: RecordedRequest(
                headers: ["X-Token": ["ghp_123456789"]], url: "https://h/x?p=hunter22"),
            response: RecordedResponse(body: Data("{\"k\":\"abcdefgh-1\",\"s\":\"short\",\"cs\":\"cs-12345678\"}".utf8))
        )
        #expect(
            scan.findings(in: [interaction]) == [
                .init(variable: "Client_Secret", place: "interaction 3 response body"),
                .init(variable: "DB_PASSWORD", place: "interaction 3 request URL"),
                .init(variable: "GH_TOKEN", place: "interaction 3 request header X-Token"),
                .init(variable: "SERVICE_API_KEY", place: "interaction 3 response body"),
            ])
    }
}

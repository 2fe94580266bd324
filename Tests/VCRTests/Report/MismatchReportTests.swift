import Foundation
import Testing
import VCR
import VCRCassette

#if canImport(FoundationNetworking)
import FoundationNetworking
import TestSupport
#endif

/// The text a failed request explains itself with.
@Suite struct MismatchReportTests {
    private func mismatch(_ vcr: VCR, _ request: InterceptedRequest) -> MismatchError? {
        if case .failure(let error) = vcr.resolve(request) { return error as? MismatchError }
        return nil
    }

    private func seedRequest(_ edit: (inout [String: Any]) -> Void) throws -> InterceptedRequest {
        let cassette = try Cassette(contentsOf: PackageFiles.seedCassette)
        let recorded = cassette.interactions[0].request
        var json = try #require(try JSONSerialization.jsonObject(with: recorded.body) as? [String: Any])
        edit(&json)
        return InterceptedRequest(
            method: recorded.method, url: recorded.url,
            headers: ["Content-Type": ["application/json"], "Authorization": ["Bearer sk-secret"]],
            body: try JSONSerialization.data(withJSONObject: json))
    }

    @Test func aChangedJSONFieldShowsOnlyThatDifference() throws {
        let vcr = try VCR(cassette: PackageFiles.seedCassette, options: Fixtures.quiet)
        let request = try seedRequest { $0["max_tokens"] = 3000 }
        let error = try #require(mismatch(vcr, request))
        let text = error.description
        #expect(text.hasPrefix("VCR: no recorded interaction matches POST https://api.openai.com/v1/chat/completions"))
        #expect(text.contains("  Content-Type: application/json"))
        // The request is redacted before matching: its Authorization is `REDACTED`.
        #expect(text.contains("  Authorization: <8 characters, not shown>"))
        #expect(!text.contains("sk-secret"))
        #expect(text.contains("(body: \(request.body?.count ?? 0) bytes, JSON)"))
        #expect(
            text.contains(
                "Closest recorded interactions in \(PackageFiles.seedCassette.path) (2 interactions, 2 unused):"))
        #expect(text.contains("     ✓ method\n     ✓ url\n     ✗ body: the bodies differ, see the diff below"))
        #expect(text.contains("       --- cassette #0 body\n       +++ request body\n"))
        #expect(text.contains("\n       -  \"max_tokens\": 4000,\n       +  \"max_tokens\": 3000,\n"))
        let firstDiff = try #require(error.candidates[0].bodyDiff).split(separator: "\n")
        #expect(firstDiff.filter { $0.hasPrefix("-") || $0.hasPrefix("+") }.count == 4)
        #expect(error.candidates.map(\.interaction.id) == [0, 1])
        #expect(error.candidates[0].verdicts.map(\.passed) == [true, true, false])
        #expect(
            text.hasSuffix(
                "VCR_RECORD=new_episodes: the request and its response are added to \(PackageFiles.seedCassette.path) (VCR_RECORD=all records the whole cassette anew)."
            ))
        #expect(error.errorDescription == text)
    }

    @Test func theClosestBodyRanksFirst() throws {
        let vcr = try VCR(cassette: PackageFiles.seedCassette, options: Fixtures.quiet)
        let cassette = try Cassette(contentsOf: PackageFiles.seedCassette)
        var json = try #require(
            try JSONSerialization.jsonObject(with: cassette.interactions[1].request.body) as? [String: Any])
        json["model"] = "gpt-4o"
        let request = InterceptedRequest(
            method: "POST", url: "https://api.openai.com/v1/chat/completions",
            body: try JSONSerialization.data(withJSONObject: json))
        let error = try #require(mismatch(vcr, request))
        #expect(error.candidates.map(\.interaction.id) == [1, 0])
        #expect(
            error.candidates[0].bodyDiff?.contains("-  \"model\": \"gpt-4o-mini\",\n+  \"model\": \"gpt-4o\",") == true)
    }

    @Test func anAlreadyUsedEqualInteractionIsNamed() throws {
        let vcr = VCR(
            cassette: Cassette(interactions: [
                Fixtures.interaction(0), Fixtures.interaction(1, url: "https://x.example/"),
            ]),
            path: "/c/used.yaml", options: Fixtures.quiet)
        let request = InterceptedRequest(method: "GET", url: "https://api.example.com/items")
        _ = vcr.resolve(request)
        let error = try #require(mismatch(vcr, request))
        #expect(error.usedMatchIDs == [0])
        #expect(
            error.description.contains("Interaction #0 matches this request but was already used by earlier requests"))
        #expect(error.description.contains("set VCR.Options.allowsRepeats"))
        #expect(
            error.description.contains(
                "  #0 GET https://api.example.com/items (already used)\n     ✓ method\n     ✓ url\n     ✓ body"))
    }

    @Test func everyMatcherExplainsItsFailure() throws {
        var options = Fixtures.quiet
        options.matchers = [.method, .path, .query, .headers("Accept"), .custom("always false") { _, _ in false }]
        let vcr = VCR(
            cassette: Cassette(interactions: [
                Fixtures.interaction(
                    0, url: "https://api.example.com/a?x=1&y=2", requestHeaders: ["Accept": ["text/plain"]])
            ]), path: "/c/m.yaml", options: options)
        let error = try #require(
            mismatch(vcr, InterceptedRequest(method: "PUT", url: "https://api.example.com/b?y=2&z=3")))
        #expect(
            error.candidates[0].verdicts.map(\.description) == [
                "✗ method: cassette GET, request PUT",
                "✗ path: cassette /a, request /b",
                "✗ query: only the cassette has x=1; only the request has z=3",
                "✗ headers(Accept): Accept: cassette [text/plain], request (none)",
                "✗ always false: returned false",
            ])
    }

    @Test func credentialsAreNeverShown() throws {
        var options = Fixtures.quiet
        options.matchers = [.url, .headers("Authorization")]
        // Without redaction, which would make both values `REDACTED` and equal.
        options.redaction = .disabled
        let vcr = VCR(
            cassette: Cassette(interactions: [
                Fixtures.interaction(0, requestHeaders: ["Authorization": ["Bearer recorded"]])
            ]),
            path: "/c/auth.yaml", options: options)
        let error = try #require(
            mismatch(
                vcr,
                InterceptedRequest(
                    method: "GET", url: "https://api.example.com/items", headers: ["authorization": ["Bearer live-key"]]
                )))
        #expect(!error.description.contains("Bearer"))
        #expect(
            error.candidates[0].verdicts[1].description
                == "✗ headers(Authorization): Authorization: cassette [<15 characters, not shown>], request [<15 characters, not shown>]"
        )
    }

    @Test func ignoredJSONMembersStayOutOfTheDiff() throws {
        var options = Fixtures.quiet
        options.matchers = [.method, .url, .jsonBody(ignoring: ["request_id"])]
        let vcr = VCR(
            cassette: Cassette(interactions: [
                Fixtures.interaction(0, method: "POST", requestBody: #"{"request_id":"a","text":"hello"}"#)
            ]), path: "/c/j.yaml", options: options)
        let error = try #require(
            mismatch(
                vcr,
                InterceptedRequest(
                    method: "POST", url: "https://api.example.com/items",
                    body: Data(#"{"request_id":"b","text":"bye"}"#.utf8))))
        #expect(
            error.candidates[0].bodyDiff
                == "--- cassette #0 body\n+++ request body\n@@ -1,3 +1,3 @@\n {\n-  \"text\": \"hello\"\n+  \"text\": \"bye\"\n }"
        )
    }

    @Test func textBodiesDiffLineByLineAndBinaryBodiesByByte() throws {
        var binary = Fixtures.interaction(1, method: "PUT")
        binary.request.body = Data([0xFF, 0x00, 0x01, 0x02])
        let vcr = VCR(
            cassette: Cassette(interactions: [
                Fixtures.interaction(0, method: "POST", requestBody: "a=1\r\nb=2\r\n"), binary,
            ]),
            path: "/c/t.yaml", options: Fixtures.quiet)
        let text = try #require(
            mismatch(
                vcr,
                InterceptedRequest(method: "POST", url: "https://api.example.com/items", body: Data("a=1\nb=3\n".utf8)))
        )
        #expect(
            text.candidates[0].bodyDiff == "--- cassette #0 body\n+++ request body\n@@ -1,2 +1,2 @@\n a=1\n-b=2\n+b=3")
        let bytes = try #require(
            mismatch(
                vcr,
                InterceptedRequest(method: "PUT", url: "https://api.example.com/items", body: Data([0xFF, 0x00, 0x09])))
        )
        #expect(
            bytes.candidates[0].bodyDiff
                == "binary bodies differ: cassette 4 bytes, request 3 bytes, first difference at byte 2")
    }

    @Test func anEmptyCassetteSaysSo() throws {
        let vcr = VCR(cassette: Cassette(), path: "/c/empty.yaml", options: Fixtures.quiet)
        let error = try #require(mismatch(vcr, InterceptedRequest(method: "GET", url: "https://api.example.com/")))
        #expect(error.description.contains("The cassette /c/empty.yaml has no interactions."))
    }

    @Test func theReportIsPrintedToStandardError() async throws {
        let vcr = VCR(cassette: Cassette(), path: "/c/printed.yaml")
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("vcr-stderr-\(UUID().uuidString).log")
        let descriptor = open(log.path, O_CREAT | O_WRONLY | O_TRUNC, 0o600)
        let saved = dup(2)
        dup2(descriptor, 2)
        let result = vcr.resolve(InterceptedRequest(method: "GET", url: "https://api.example.com/printed"))
        dup2(saved, 2)
        close(saved)
        close(descriptor)
        defer { try? FileManager.default.removeItem(at: log) }
        guard case .failure(let error) = result else {
            Issue.record("the request matched")
            return
        }
        let printed = try String(contentsOf: log, encoding: .utf8)
        #expect(printed.contains("\(error)\n\n"))
    }
}

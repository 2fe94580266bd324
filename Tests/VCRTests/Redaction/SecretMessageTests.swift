import Foundation
import Testing
import VCRCassette

@testable import VCR

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// No message the VCR prints or throws shows a secret: an environment secret
/// in any form is shown as `<redacted: matches NAME>`, a value a redaction
/// rule replaces as the placeholder, wherever it appears.
@Suite struct SecretMessageTests {
    private static let items = "https://api.example.com/items"

    /// A VCR replaying one `POST /items` interaction with a JSON body.
    private func vcr(matchers: [Matcher] = .default, body: String = #"{"input":"hello","n":1}"#) -> VCR {
        var options = Fixtures.quiet
        options.matchers = matchers
        return VCR(
            cassette: Cassette(interactions: [
                Fixtures.interaction(
                    0, method: "POST", url: Self.items, requestHeaders: ["X-Custom": ["recorded"]], requestBody: body)
            ]),
            path: "/c/secrets.yaml", options: options)
    }

    /// Sends `request` through the VCR's session; returns the mismatch it
    /// failed with, the report, and the failure `check()` throws.
    private func mismatch(_ vcr: VCR, _ request: URLRequest) async throws -> (MismatchError, ReplayReport, String) {
        var thrown: (any Error)?
        do { _ = try await vcr.session.data(for: request) } catch { thrown = error }
        let error = try #require(thrown as? MismatchError)
        let report = vcr.stop()
        #expect(report.unmatchedRequests.map(\.description) == [error.description])
        var failure = ""
        do { try report.check() } catch { failure = error.description }
        return (error, report, failure)
    }

    private func post(_ url: String, headers: [String: String] = [:], json: [String: Any]) throws -> URLRequest {
        var request = URLRequest(url: try #require(URL(string: url)))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
        return request
    }

    @Test func aSecretInACustomHeaderIsMaskedInTheReportAndTheHeaderVerdict() async throws {
        let secret = EnvironmentSecret("header")
        for form in secret.asciiForms {
            let vcr = vcr(matchers: [.method, .url, .headers("X-Custom"), .body])
            let request = try post(Self.items, headers: ["X-Custom": form.text], json: ["input": "hello", "n": 1])
            let (error, report, failure) = try await mismatch(vcr, request)
            for (what, text) in [
                ("the report", error.description), ("the summary", report.description), ("the failure", failure),
            ] {
                secret.expectHidden(in: text, "\(what), \(form.name)")
            }
            #expect(error.description.contains("X-Custom: "), "\(form.name)")
            #expect(error.description.contains(secret.mask), "\(form.name)")
            let verdict = try #require(error.candidates.first?.verdicts[2])
            #expect(verdict.detail.hasPrefix("X-Custom: cassette [recorded], request ["), "\(form.name)")
            secret.expectHidden(in: verdict.description, "the verdict, \(form.name)")
        }
    }

    @Test func aSecretInAJSONBodyIsMaskedAndItsLineStillShown() async throws {
        let secret = EnvironmentSecret("body")
        let vcr = vcr()
        // JSONSerialization writes the secret's `/` as `\/`.
        let request = try post(Self.items, json: ["input": secret.value, "n": 1])
        #expect(request.httpBody.map { String(decoding: $0, as: UTF8.self).contains(secret.value) } == false)
        let (error, report, failure) = try await mismatch(vcr, request)
        let diff = try #require(error.candidates.first?.bodyDiff)
        #expect(diff.contains("-  \"input\": \"hello\","))
        #expect(diff.contains("+  \"input\": \"\(secret.mask)\","))
        #expect(error.description.contains("       +  \"input\": \"\(secret.mask)\","))
        for (what, text) in [
            ("the diff", diff), ("the report", error.description), ("the summary", report.description),
            ("the failure", failure),
        ] {
            secret.expectHidden(in: text, what)
        }
    }

    @Test func aSecretInATextBodyIsMaskedInEveryForm() async throws {
        let secret = EnvironmentSecret("text")
        for form in secret.forms {
            let vcr = vcr(body: "line one\nrecorded\nline three")
            var request = URLRequest(url: try #require(URL(string: Self.items)))
            request.httpMethod = "POST"
            request.httpBody = Data("line one\nsent \(form.text) here\nline three".utf8)
            let (error, _, failure) = try await mismatch(vcr, request)
            let shown = form.text.hasPrefix("Basic ") ? "Basic \(secret.mask)" : secret.mask
            #expect(error.description.contains("       +sent \(shown) here"), "\(form.name)")
            secret.expectHidden(in: error.description, "the report, \(form.name)")
            secret.expectHidden(in: failure, "the failure, \(form.name)")
        }
    }

    @Test func aSecretInTheQueryIsMaskedInEveryForm() async throws {
        let secret = EnvironmentSecret("query")
        for form in secret.asciiForms {
            guard let url = URL(string: "\(Self.items)?q=\(form.text)") else { continue }
            let vcr = vcr()
            var request = try post(url.absoluteString, json: ["input": "hello", "n": 1])
            request.url = url
            let (error, report, failure) = try await mismatch(vcr, request)
            #expect(error.description.hasPrefix("VCR: no recorded interaction matches POST \(Self.items)?q="))
            #expect(error.description.contains("✗ url: cassette \(Self.items), request \(Self.items)?q="))
            for (what, text) in [
                ("the report", error.description), ("the summary", report.description), ("the failure", failure),
            ] {
                secret.expectHidden(in: text, "\(what), \(form.name)")
                #expect(text.contains(secret.mask), "\(what), \(form.name)")
            }
        }
    }

    /// A value a rule redacts (the bearer token) is masked where no rule
    /// reaches it (a JSON member), and a redacted query shows the placeholder.
    @Test func aValueARuleRedactsIsMaskedWhereverItAppears() async throws {
        let token = "sk-rule-\(UUID().uuidString)"
        let key = "key-\(UUID().uuidString)"
        let vcr = vcr()
        let request = try post(
            "\(Self.items)?api_key=\(key)", headers: ["Authorization": "Bearer \(token)"],
            json: ["input": token, "n": 1, "note": "key \(key)"])
        let (error, report, failure) = try await mismatch(vcr, request)
        for text in [error.description, report.description, failure] {
            #expect(!text.contains(token))
            #expect(!text.contains(key))
        }
        #expect(error.description.contains("POST \(Self.items)?api_key=REDACTED"))
        #expect(error.description.contains("+  \"input\": \"REDACTED\","))
        #expect(error.description.contains("+  \"note\": \"key REDACTED\""))
    }

    @Test func theNoVCRErrorShowsNeitherARedactedQueryNorAnEnvironmentSecret() async throws {
        let secret = EnvironmentSecret("novcr")
        let key = "key-\(UUID().uuidString)"
        var configuration: URLSessionConfiguration?
        do {
            let vcr = vcr()
            configuration = vcr.makeConfiguration()
            vcr.stop()
        }
        let session = URLSession(configuration: try #require(configuration))
        defer { session.finishTasksAndInvalidate() }
        for form in secret.asciiForms {
            guard let url = URL(string: "\(Self.items)?api_key=\(key)&q=\(form.text)") else { continue }
            var thrown: (any Error)?
            do { _ = try await session.data(from: url) } catch { thrown = error }
            let error = try #require(thrown as? ReplayError)
            guard case .noVCR = error else {
                Issue.record("expected noVCR, got \(error)")
                continue
            }
            #expect(!error.description.contains(key))
            // A percent escape before the base64, `Basic%20`, stays.
            let shown = form.text.hasPrefix("Basic ") ? "Basic%20\(secret.mask)" : secret.mask
            #expect(
                error.description.contains("GET \(Self.items)?api_key=REDACTED&q=\(shown) came through"), "\(form.name)"
            )
            secret.expectHidden(in: error.description, "the error, \(form.name)")
        }
    }

    @Test func aRequestAfterStopIsNamedMasked() async throws {
        let secret = EnvironmentSecret("stopped")
        let vcr = vcr()
        let session = vcr.session
        vcr.stop()
        let form = try #require(secret.asciiForms.first { $0.name == "percent uppercase" })
        var thrown: (any Error)?
        do {
            _ = try await session.data(from: try #require(URL(string: "\(Self.items)?api_key=x&q=\(form.text)")))
        } catch {
            thrown = error
        }
        let error = try #require(thrown as? ReplayError)
        #expect(error.description.contains("?api_key=REDACTED&q=\(secret.mask) arrived after"))
        secret.expectHidden(in: error.description, "the error")
    }

    @Test func masksLeaveOtherTextAloneAndMergeOverlaps() {
        let mask = MessageMask(
            environment: ["A_TOKEN": "abcdefgh12", "B_TOKEN": "gh12345678", "SHORT_TOKEN": "abc"], replacedValues: [])
        #expect(mask.masked("x abcdefgh12345678 y") == "x <redacted: matches A_TOKEN> y")
        #expect(mask.masked("abc is short") == "abc is short")
        #expect(mask.masked("no secret, é ü") == "no secret, é ü")
    }
}

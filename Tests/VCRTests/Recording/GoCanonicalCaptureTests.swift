import Foundation
import TestSupport
import Testing
import VCRCassette

@testable import VCR

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A Swift-recorded cassette reads in Go as a Go-recorded one would: header
/// names in Go's canonical form, so `Header.Get` finds them, and
/// `content_length` as Go's client reports it.
@Suite struct GoCanonicalCaptureTests {
    @Test(arguments: [
        ("x-request-id", "X-Request-Id"), ("content-type", "Content-Type"), ("WWW-AUTHENTICATE", "Www-Authenticate"),
        ("openai-processing-ms", "Openai-Processing-Ms"), ("x-b3-traceid", "X-B3-Traceid"), ("dnt", "Dnt"),
        ("-leading", "-Leading"), ("with space", "with space"), ("caf\u{E9}", "caf\u{E9}"),
    ])
    func headerNamesAreCanonicalAsGoWritesThem(_ name: String, _ canonical: String) {
        #expect(GoHeaderName.canonical(name) == canonical)
    }

    @Test func namesThatDifferOnlyInCaseBecomeOneField() {
        #expect(GoHeaderName.canonical(["accept": ["a"], "Accept": ["b"]]) == ["Accept": ["b", "a"]])
    }

    @Test func recordedHeaderNamesAreCanonicalAndA204HasLengthZero() async throws {
        try await RecordingSupport.withServerAndFolder { server, folder in
            let cassette = folder.appendingPathComponent("recorded.yaml")
            let vcr = try VCR(cassette: cassette, mode: .all, options: RecordingSupport.quiet)
            var request = URLRequest(url: server.url("/no-content"))
            request.setValue("tenant-7", forHTTPHeaderField: "x-tenant")
            let (_, response) = try await vcr.session.data(for: request)
            #expect((response as? HTTPURLResponse)?.statusCode == 204)
            #expect(vcr.stop().isSaved)

            let interaction = try #require(try Cassette(contentsOf: cassette).interactions.first)
            #expect(interaction.request.headers["X-Tenant"] == ["tenant-7"])
            #expect(interaction.request.headers["x-tenant"] == nil)
            #expect(interaction.response.headers["X-Request-Id"] == ["req-1"])
            #expect(interaction.response.headers["Openai-Processing-Ms"] == ["7"])
            #expect(interaction.response.headers.keys.allSatisfy { $0 == GoHeaderName.canonical($0) })
            #expect(interaction.response.code == 204)
            #expect(interaction.response.contentLength == 0)

            // Matching stays case-insensitive: the live request's own spelling still matches.
            var options = RecordingSupport.quiet
            options.matchers = [.method, .url, .headers("x-tenant")]
            let (_, replayed) = try await RecordingSupport.replay(request, from: cassette, options: options)
            #expect(replayed.statusCode == 204)
            #expect(replayed.value(forHTTPHeaderField: "x-request-id") == "req-1")
            try RecordingSupport.expectValid(cassette)
        }
    }
}

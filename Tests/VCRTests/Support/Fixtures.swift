import Foundation
import TestSupport
import VCR
import VCRCassette

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Paths and cassettes the tests share.
enum Fixtures {
    /// Every cassette of the fantasy corpus, sorted by path.
    static let fantasyCassettes = PackageFiles.cassettes(under: PackageFiles.corpus.appendingPathComponent("fantasy"))

    /// The fantasy cassettes and the seed, by a short name for test arguments.
    static let realCassettes: [String] =
        fantasyCassettes.map {
            $0.pathComponents.suffix(3).joined(separator: "/")
        } + ["seed"]

    /// The URL of a cassette named as in ``realCassettes``.
    static func url(ofRealCassette name: String) -> URL {
        name == "seed"
            ? PackageFiles.seedCassette
            : fantasyCassettes.first { $0.path.hasSuffix(name) } ?? PackageFiles.seedCassette
    }

    /// A recorded interaction built in code.
    static func interaction(
        _ id: Int,
        method: String = "GET",
        url: String = "https://api.example.com/items",
        requestHeaders: [String: [String]] = [:],
        requestBody: String = "",
        code: Int = 200,
        headers: [String: [String]] = ["Content-Type": ["application/json"]],
        body: String = "{}",
        contentLength: Int64? = nil,
        duration: GoDuration = .zero
    ) -> Interaction {
        Interaction(
            id: id,
            request: RecordedRequest(
                contentLength: Int64(requestBody.utf8.count), body: Data(requestBody.utf8), headers: requestHeaders,
                url: url, method: method),
            response: RecordedResponse(
                contentLength: contentLength ?? Int64(body.utf8.count), body: Data(body.utf8), headers: headers,
                status: "\(code) \(HTTPURLResponse.localizedString(forStatusCode: code))", code: code,
                duration: duration))
    }

    /// An SSE body of `count` events, with LF or CRLF line ends.
    static func serverSentEvents(_ count: Int, lineEnd: String = "\n") -> String {
        (0..<count).map { "data: {\"n\":\($0)}\(lineEnd)\(lineEnd)" }.joined()
    }

    /// A request built from a recorded one: method, URL, headers and body.
    static func request(for recorded: RecordedRequest) -> URLRequest {
        var request = URLRequest(url: URL(string: recorded.url) ?? URL(fileURLWithPath: "/"))
        request.httpMethod = recorded.method
        for (name, values) in recorded.headers {
            for value in values { request.addValue(value, forHTTPHeaderField: name) }
        }
        if !recorded.body.isEmpty { request.httpBody = recorded.body }
        return request
    }

    /// Options that keep mismatch reports off standard error.
    static let quiet = VCR.Options(printsMismatches: false)
}

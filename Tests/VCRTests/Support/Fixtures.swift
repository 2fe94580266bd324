import Foundation
import VCR
import VCRCassette

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Paths and cassettes the tests share.
enum Fixtures {
    /// The package root, derived from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The seed cassette: OpenAI chat completions streamed as SSE, 2 interactions.
    static let seedCassette = packageRoot.appendingPathComponent("Cassettes/openai-chat-parallel-tool-calls.yaml")

    /// The test corpus, `Tests/Fixtures/corpus`: `fantasy/` and `generated/` cassettes.
    static let corpus = packageRoot.appendingPathComponent("Tests/Fixtures/corpus")

    /// Every cassette of the fantasy corpus, sorted by path.
    static let fantasyCassettes: [URL] = {
        let folder = corpus.appendingPathComponent("fantasy")
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "yaml" } ?? []
        return files.sorted { $0.path < $1.path }
    }()

    /// The fantasy cassettes and the seed, by a short name for test arguments.
    static let realCassettes: [String] = fantasyCassettes.map {
        $0.pathComponents.suffix(3).joined(separator: "/")
    } + ["seed"]

    /// The URL of a cassette named as in ``realCassettes``.
    static func url(ofRealCassette name: String) -> URL {
        name == "seed" ? seedCassette : fantasyCassettes.first { $0.path.hasSuffix(name) } ?? seedCassette
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

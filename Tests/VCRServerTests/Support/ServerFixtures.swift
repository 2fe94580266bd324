import Foundation
import VCR
import VCRCassette

/// Paths and cassettes the server tests share.
enum ServerFixtures {
    /// The package root, derived from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The seed cassette: OpenAI chat completions streamed as SSE, 2 interactions.
    static let seedCassette = packageRoot.appendingPathComponent("Cassettes/openai-chat-parallel-tool-calls.yaml")

    /// Every cassette of the corpus copied under `Tests/Fixtures/corpus`, by path relative to it.
    static let corpusCassettes: [String] = {
        let folder = packageRoot.appendingPathComponent("Tests/Fixtures/corpus")
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "yaml" } ?? []
        return files.map { String($0.path.dropFirst(folder.path.count + 1)) }.sorted()
    }()

    /// The corpus cassettes a VCR accepts: generated ones with CR, LF or NUL
    /// in a response header are refused (no HTTP message can carry them), so
    /// no server can serve them.
    static let servableCorpusCassettes: [String] = corpusCassettes.filter {
        (try? Cassette(contentsOf: corpusFile($0), requiringServableResponses: true)) != nil
    }

    /// The file of a corpus cassette named as in ``corpusCassettes``.
    static func corpusFile(_ name: String) -> URL {
        packageRoot.appendingPathComponent("Tests/Fixtures/corpus").appendingPathComponent(name)
    }

    /// Options that keep mismatch reports off standard error.
    static let quiet = VCR.Options(printsMismatches: false)

    /// A new empty folder under the temporary directory.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vcr-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The bytes of a request a recorded one describes, sent to a cassette
    /// server: the same method, path and query, header fields and body.
    static func request(for recorded: RecordedRequest, close: Bool = true) -> [UInt8] {
        let components = URLComponents(string: recorded.url)
        var target = components?.percentEncodedPath ?? "/"
        if target.isEmpty { target = "/" }
        if let query = components?.percentEncodedQuery { target += "?" + query }
        let headers = recorded.headers.keys.sorted().flatMap { name in
            (recorded.headers[name] ?? []).map { (name, $0) }
        }.filter { !["host", "content-length", "connection", "transfer-encoding"].contains($0.0.lowercased()) && isCarriable($0) }
        return WireRequest.make(recorded.method, target, headers: headers, body: Array(recorded.body), close: close)
    }

    /// The fields a replayed response must carry: the recorded ones but those
    /// describing the connection, which the server frames itself, and those
    /// HTTP/1.1 cannot carry (the generated corpus has values with line
    /// breaks and control characters); values without the surrounding
    /// whitespace HTTP drops.
    static func endToEndHeaders(of response: RecordedResponse) -> [String: [String]] {
        let framing: Set<String> = ["content-length", "transfer-encoding", "connection", "keep-alive"]
        var fields: [String: [String]] = [:]
        for name in response.headers.keys.sorted() where !framing.contains(name.lowercased()) {
            for value in response.headers[name] ?? [] where isCarriable((name, value)) {
                fields[name.lowercased(), default: []].append(value.trimmingCharacters(in: CharacterSet(charactersIn: " \t")))
            }
        }
        return fields
    }

    /// Whether HTTP/1.1 can carry a field: a name of token characters, a value
    /// without control characters but tab.
    static func isCarriable(_ field: (name: String, value: String)) -> Bool {
        let token = CharacterSet(charactersIn: "!#$%&'*+-.^_`|~").union(
            CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"))
        return !field.name.isEmpty && field.name.unicodeScalars.allSatisfy(token.contains)
            && field.value.utf8.allSatisfy { $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) }
    }

    /// The fields of a response as received, the same way.
    static func endToEndHeaders(of response: WireResponse) -> [String: [String]] {
        let framing: Set<String> = ["content-length", "transfer-encoding", "connection", "keep-alive"]
        var fields: [String: [String]] = [:]
        for (name, value) in response.headers where !framing.contains(name.lowercased()) {
            fields[name.lowercased(), default: []].append(value)
        }
        return fields
    }
}

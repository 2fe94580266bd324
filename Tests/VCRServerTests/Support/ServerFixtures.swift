import Foundation
import TestSupport
import VCR
import VCRCassette

/// Paths and cassettes the server tests share.
enum ServerFixtures {
    /// Every cassette of the corpus under `Tests/Fixtures/corpus`, by path relative to it.
    static let corpusCassettes: [String] = PackageFiles.cassettes(under: PackageFiles.corpus).map {
        String($0.path.dropFirst(PackageFiles.corpus.path.count + 1))
    }.sorted()

    /// The corpus cassettes a VCR accepts: generated ones with CR, LF or NUL
    /// in a response header are refused (no HTTP message can carry them), so
    /// no server can serve them.
    static let servableCorpusCassettes: [String] = corpusCassettes.filter {
        (try? Cassette(contentsOf: corpusFile($0), requiringServableResponses: true)) != nil
    }

    /// The file of a corpus cassette named as in ``corpusCassettes``.
    static func corpusFile(_ name: String) -> URL {
        PackageFiles.corpus.appendingPathComponent(name)
    }

    /// Options that keep mismatch reports off standard error.
    static let quiet = VCR.Options(printsMismatches: false)

    /// The bytes of a request a recorded one describes, sent to a cassette
    /// server: the same method, path and query, header fields and body.
    static func request(for recorded: RecordedRequest, close: Bool = true) -> [UInt8] {
        let components = URLComponents(string: recorded.url)
        var target = components?.percentEncodedPath ?? "/"
        if target.isEmpty { target = "/" }
        if let query = components?.percentEncodedQuery { target += "?" + query }
        let headers = recorded.headers.keys.sorted().flatMap { name in
            (recorded.headers[name] ?? []).map { (name, $0) }
        }.filter {
            !["host", "content-length", "connection", "transfer-encoding"].contains($0.0.lowercased())
                && isCarriable($0)
        }
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
                fields[name.lowercased(), default: []].append(
                    value.trimmingCharacters(in: CharacterSet(charactersIn: " \t")))
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

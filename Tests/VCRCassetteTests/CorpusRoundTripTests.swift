import Foundation
import TestSupport
import Testing
import VCRCassette

/// Every corpus cassette, written by go-vcr or x/vcr, is written back byte for byte.
@Suite struct CorpusRoundTripTests {
    @Test(arguments: Corpus.cassettes(in: "fantasy") + Corpus.cassettes(in: "generated"))
    func rewritesByteForByte(file: URL) throws {
        let original = try Data(contentsOf: file)
        let cassette = try Cassette(yaml: original, path: file.path)
        let rewritten = cassette.yaml()
        if rewritten != original {
            Issue.record("\(file.path) differs from line \(firstDifferentLine(original, rewritten))")
        }
    }

    @Test func theSeedCassetteRoundTrips() throws {
        let file = PackageFiles.cassettes.appendingPathComponent("openai-chat-parallel-tool-calls.yaml")
        let original = try Data(contentsOf: file)
        #expect(try Cassette(yaml: original, path: file.path).yaml() == original)
    }

    @Test(arguments: Corpus.cassettes(in: "fantasy").prefix(6) + Corpus.cassettes(in: "generated").prefix(6))
    func changingTheLayoutAndBackRestoresTheBytes(file: URL) throws {
        let original = try Data(contentsOf: file)
        var cassette = try Cassette(yaml: original, path: file.path)
        let layout = cassette.layout
        cassette.layout.style = layout.style == .compact ? .indented : .compact
        let converted = try Cassette(yaml: cassette.yaml(), path: file.path)
        #expect(converted.interactions == cassette.interactions)
        #expect(converted.layout.indentation == cassette.layout.indentation)
        cassette.layout = layout
        #expect(cassette.yaml() == original)
    }

    /// go-vcr 3.0 through 4.0.2 wrote every key, empty or not.
    @Test func olderFilesThatWriteEveryKeyKeepDoingSo() throws {
        let legacy = """
            ---
            version: 2
            interactions:
                - id: 0
                  request:
                    proto: HTTP/1.1
                    proto_major: 1
                    proto_minor: 1
                    content_length: 0
                    transfer_encoding: []
                    trailer: {}
                    host: example.com
                    remote_addr: ""
                    request_uri: ""
                    body: ""
                    form: {}
                    headers: {}
                    url: https://example.com/
                    method: GET
                  response:
                    proto: HTTP/2.0
                    proto_major: 2
                    proto_minor: 0
                    transfer_encoding: []
                    trailer: {}
                    content_length: -1
                    uncompressed: false
                    body: ok
                    headers: {}
                    status: 200 OK
                    code: 200
                    duration: 1.5s

            """
        let cassette = try Cassette(yaml: Data(legacy.utf8), path: "legacy.yaml")
        #expect(cassette.layout == CassetteLayout(indentation: .indented, writesEmptyFields: true))
        #expect(String(decoding: cassette.yaml(), as: UTF8.self) == legacy)
    }

    private func firstDifferentLine(_ a: Data, _ b: Data) -> String {
        let lines = (
            String(decoding: a, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false),
            String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        )
        for (number, pair) in zip(lines.0, lines.1).enumerated() where pair.0 != pair.1 {
            return "\(number + 1):\n- \(pair.0)\n+ \(pair.1)"
        }
        return "\(min(lines.0.count, lines.1.count) + 1) (one file is longer)"
    }
}

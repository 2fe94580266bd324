import Foundation
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
        let file = Corpus.projectCassettes.appendingPathComponent("openai-chat-parallel-tool-calls.yaml")
        let original = try Data(contentsOf: file)
        #expect(try Cassette(yaml: original, path: file.path).yaml() == original)
    }

    @Test(arguments: Corpus.cassettes(in: "fantasy").prefix(6) + Corpus.cassettes(in: "generated").prefix(6))
    func changingTheLayoutAndBackRestoresTheBytes(file: URL) throws {
        let original = try Data(contentsOf: file)
        var cassette = try Cassette(yaml: original, path: file.path)
        let layout = cassette.layout
        cassette.layout.indentation = layout.indentation == .compact ? .indented : .compact
        let converted = try Cassette(yaml: cassette.yaml(), path: file.path)
        #expect(converted.interactions == cassette.interactions)
        #expect(converted.layout.indentation == cassette.layout.indentation)
        cassette.layout = layout
        #expect(cassette.yaml() == original)
    }

    private func firstDifferentLine(_ a: Data, _ b: Data) -> String {
        let lines = (String(decoding: a, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false),
                     String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false))
        for (number, pair) in zip(lines.0, lines.1).enumerated() where pair.0 != pair.1 {
            return "\(number + 1):\n- \(pair.0)\n+ \(pair.1)"
        }
        return "\(min(lines.0.count, lines.1.count) + 1) (one file is longer)"
    }
}

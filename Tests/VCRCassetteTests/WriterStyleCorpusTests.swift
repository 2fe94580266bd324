import Foundation
import Testing
import VCRCassette

/// Corpus cassettes re-written by goccy/go-yaml v1.18.0 and by yaml/v4 rc.6 with x/vcr's
/// settings are detected as such, write back byte for byte and read to their source's values.
@Suite struct WriterStyleCorpusTests {
    @Test(arguments: WriterFixtures.cassettes(writtenBy: "goccy"))
    func goccyFilesRewriteByteForByte(file: URL) throws {
        try expectRoundTrip(file, style: .goccy)
    }

    @Test(arguments: WriterFixtures.cassettes(writtenBy: "xvcr-rc6"))
    func rc6FilesRewriteByteForByte(file: URL) throws {
        try expectRoundTrip(file, style: nil)
    }

    @Test func bothFoldersAreThere() {
        #expect(WriterFixtures.cassettes(writtenBy: "goccy").count == 31)
        #expect(WriterFixtures.cassettes(writtenBy: "xvcr-rc6").count == 66)
    }

    /// The file reads to its source's values, in `style` when given, and writes back unchanged;
    /// its source written in the file's style gives the file's bytes.
    private func expectRoundTrip(_ file: URL, style: CassetteLayout.Style?) throws {
        let original = try Data(contentsOf: file)
        let cassette = try Cassette(yaml: original, path: file.path)
        let source = try Cassette(contentsOf: WriterFixtures.source(of: file))
        #expect(cassette.interactions == source.interactions)
        if let style { #expect(cassette.layout.style == style) }
        let rewritten = cassette.yaml()
        if rewritten != original {
            Issue.record("\(file.lastPathComponent) (\(cassette.layout.style)) differs at \(firstDifference(original, rewritten))")
        }
        var converted = source
        converted.layout = cassette.layout
        #expect(converted.yaml() == original, "\(file.lastPathComponent): the source in its style")
    }

    private func firstDifference(_ a: Data, _ b: Data) -> String {
        let lines = (String(decoding: a, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false),
                     String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false))
        for (number, pair) in zip(lines.0, lines.1).enumerated() where pair.0 != pair.1 {
            return "line \(number + 1):\n- \(pair.0.prefix(300))\n+ \(pair.1.prefix(300))"
        }
        return "the end (one file is longer)"
    }
}

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
            Issue.record(
                "\(file.lastPathComponent) (\(cassette.layout.style)) differs at \(firstDifference(original, rewritten))"
            )
        }
        var converted = source
        converted.layout = cassette.layout
        #expect(converted.yaml() == original, "\(file.lastPathComponent): the source in its style")
    }

    private func firstDifference(_ a: Data, _ b: Data) -> String {
        let lines = (
            String(decoding: a, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false),
            String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        )
        for (number, pair) in zip(lines.0, lines.1).enumerated() where pair.0 != pair.1 {
            return "line \(number + 1):\n- \(pair.0.prefix(300))\n+ \(pair.1.prefix(300))"
        }
        return "the end (one file is longer)"
    }
}

/// Appending to a file written by goccy or rc.6 keeps its bytes and adds the new
/// interactions in the file's style: the same bytes as saving the whole cassette.
@Suite struct WriterStyleAppendingTests {
    @Test(arguments: WriterFixtures.cassettes(writtenBy: "goccy") + WriterFixtures.cassettes(writtenBy: "xvcr-rc6"))
    func appendsInTheFileStyle(file: URL) throws {
        let original = try Data(contentsOf: file)
        let loaded = try Cassette(yaml: original, path: file.path)
        var added = [loaded.interactions[loaded.interactions.count - 1]]
        added[0].request.url += "?appended=1"
        let appended = try Cassette.appending(added, toFile: original, path: file.path)
        var whole = loaded
        added[0].id = loaded.interactions.count
        whole.interactions += added
        #expect(appended.keepsExistingBytes)
        #expect(appended.yaml.starts(with: original))
        #expect(appended.yaml == whole.yaml())
        #expect(try Cassette(yaml: appended.yaml).layout == loaded.layout)
    }
}

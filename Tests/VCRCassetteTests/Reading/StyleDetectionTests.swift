import Foundation
import TestSupport
import Testing
import VCRCassette

/// Which writer a cassette came from is read off its text (`Tests/Fixtures/styles/`).
@Suite struct StyleDetectionTests {
    private static let directory = PackageFiles.fixtures.appendingPathComponent("styles")

    @Test(arguments: [
        ("ambiguous.yaml", CassetteLayout.Style.compact),
        ("goccy-double-quoted-json.yaml", .goccy),
        ("goccy-quoted-star.yaml", .goccy),
        ("compact-single-quoted-json.yaml", .compact),
        ("folded-long-json.yaml", .folded),
        ("folded-look-alike.yaml", .folded),
        ("compact-look-alike.yaml", .compact),
        ("folded-literal-leading-break.yaml", .folded),
        ("compact-literal-leading-break.yaml", .compact),
        ("goccy-padded-blank-line.yaml", .goccy),
        ("compact-empty-blank-line.yaml", .compact),
        ("goccy-escaped-nbsp.yaml", .goccy),
        ("compact-raw-nbsp.yaml", .compact),
        // Found by Scripts/fuzz: single-quoted values folded over more lines
        // than their own line or paragraph separator (U+2028, U+2029) ends.
        ("folded-line-separator.yaml", .folded),
        ("folded-paragraph-separator.yaml", .folded),
    ])
    func detectsTheWriterAndWritesTheSameBytes(name: String, style: CassetteLayout.Style) throws {
        let url = Self.directory.appendingPathComponent(name)
        let original = try Data(contentsOf: url)
        let cassette = try Cassette(contentsOf: url)
        #expect(cassette.layout.style == style)
        #expect(cassette.yaml() == original)
        #expect(try Cassette(yaml: original).layout == cassette.layout, "read from memory or from the file alike")
    }

    /// With no evidence either way, every style writes the same bytes, so choosing the
    /// default (compact) loses nothing.
    @Test func anAmbiguousFileReadsTheSameInEveryCompactStyle() throws {
        let original = try Data(contentsOf: Self.directory.appendingPathComponent("ambiguous.yaml"))
        var cassette = try Cassette(yaml: original)
        for style in [CassetteLayout.Style.compact, .folded, .goccy] {
            cassette.layout.style = style
            #expect(cassette.yaml() == original, "\(style)")
        }
    }

    /// Evidence for two writers at once (a hand edit) falls back to the default.
    @Test func conflictingEvidenceFallsBackToCompact() throws {
        let url = Self.directory.appendingPathComponent("conflicting-fold-and-look-alike.yaml")
        #expect(try Cassette(contentsOf: url).layout.style == .compact)
    }

    /// goccy writes only the compact layout, so an indented file is yaml.v3's whatever its quotes.
    @Test func anIndentedFileIsYAMLV3() throws {
        let url = Self.directory.appendingPathComponent("indented-yaml-v3-quoted-json.yaml")
        #expect(try Cassette(contentsOf: url).layout.style == .indented)
    }

    /// A loaded cassette keeps its style for what is appended to it.
    @Test func aNewInteractionIsWrittenInTheFileStyle() throws {
        var cassette = try Cassette(contentsOf: Self.directory.appendingPathComponent("goccy-double-quoted-json.yaml"))
        var interaction = cassette.interactions[0]
        interaction.id = 1
        interaction.response.body = Data(#"{"second":true}"#.utf8)
        cassette.interactions.append(interaction)
        let text = String(decoding: cassette.yaml(), as: UTF8.self)
        #expect(text.contains(#"    body: "{\"second\":true}""#))
        #expect(try Cassette(yaml: cassette.yaml()).layout.style == .goccy)
    }
}

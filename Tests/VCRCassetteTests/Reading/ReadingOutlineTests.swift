import Foundation
import TestSupport
import Testing
import VCRCassette

/// The positions the reader notes when asked for an outline (what `vcr lint` points at).
@Suite struct ReadingOutlineTests {
    typealias Position = CassetteOutline.Position

    private static let seed = PackageFiles.cassettes.appendingPathComponent("openai-chat-parallel-tool-calls.yaml")

    @Test func locatesTheLintedFieldsOfTheSeedCassette() throws {
        let (cassette, outline) = try Cassette.outlined(contentsOf: Self.seed)
        #expect(cassette == (try Cassette(contentsOf: Self.seed)))
        #expect(
            outline.interactions == [
                .init(
                    start: Position(line: 4, column: 3), id: Position(line: 4, column: 7),
                    request: Position(line: 6, column: 5), url: Position(line: 19, column: 10),
                    response: Position(line: 22, column: 5),
                    status: Position(line: 58, column: 13), code: Position(line: 59, column: 11)
                ),
                .init(
                    start: Position(line: 61, column: 3), id: Position(line: 61, column: 7),
                    request: Position(line: 63, column: 5), url: Position(line: 76, column: 10),
                    response: Position(line: 79, column: 5),
                    status: Position(line: 145, column: 13), code: Position(line: 146, column: 11)
                ),
            ])
    }

    /// In both layouts, each interaction's `id` is where the text's `- id: N` line puts it.
    @Test(arguments: Corpus.cassettes(in: "fantasy") + Corpus.cassettes(in: "generated"))
    func locatesEveryInteractionIdInTheCorpus(cassette: URL) throws {
        let text = try String(contentsOf: cassette, encoding: .utf8)
        var expected: [Position] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for prefix in ["- id: ", "    - id: "]
            where line.hasPrefix(prefix) && line.dropFirst(prefix.count).allSatisfy(\.isNumber) {
                expected.append(Position(line: offset + 1, column: prefix.count + 1))
            }
        }
        let (_, outline) = try Cassette.outlined(contentsOf: cassette)
        #expect(outline.interactions.map(\.id) == expected)
        #expect(!expected.isEmpty)
    }

    /// Lines break at `\n`, `\r\n` and `\r` only, not at U+0085, U+2028 or U+2029;
    /// columns count characters, and a byte order mark is not one. Read from
    /// memory and from a file, which is read in chunks.
    @Test func countsLinesAndColumnsAsEditorsDo() throws {
        let yaml =
            "\u{FEFF}version: 2\ninteractions:\r\n- id: 0\r  request: {url: \"é\u{2028}\u{85}\"}\n"
            + "  response: {code: 200}\n- {id: 1}\n"
        let expected: [CassetteOutline.InteractionPositions] = [
            .init(
                start: Position(line: 3, column: 3), id: Position(line: 3, column: 7),
                request: Position(line: 4, column: 12), url: Position(line: 4, column: 18),
                response: Position(line: 5, column: 13), code: Position(line: 5, column: 20)
            ),
            .init(start: Position(line: 6, column: 3), id: Position(line: 6, column: 8)),
        ]
        #expect(try Cassette.outlined(yaml: Data(yaml.utf8)).outline.interactions == expected)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("outline-\(UUID().uuidString).yaml")
        try Data(yaml.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(try Cassette.outlined(contentsOf: file).outline.interactions == expected)
    }

    /// An error found while outlining is placed as editors count, past raw U+2028 line separators.
    @Test func placesErrorsAsEditorsDo() {
        let yaml =
            "version: 2\ninteractions:\n- id: 0\n  request: {url: \"a\u{2028}\u{2028}b\"}\n  response: {code: x}\n"
        #expect(
            throws: CassetteError(
                .invalidValue, path: "test.yaml", line: 5, column: 20,
                message: "expected an integer for `code`, found `x`"
            )
        ) {
            try Cassette.outlined(yaml: Data(yaml.utf8), path: "test.yaml")
        }
    }

    /// Without bodies, a file reads to the same cassette but for its bodies, and a
    /// body that is not valid base64 is still an error.
    @Test func readsWithoutKeepingBodies() throws {
        var expected = try Cassette(contentsOf: Self.seed)
        for index in expected.interactions.indices {
            expected.interactions[index].request.body = Data()
            expected.interactions[index].response.body = Data()
        }
        let (cassette, _) = try Cassette.outlined(contentsOf: Self.seed, keepingBodies: false)
        #expect(cassette.interactions == expected.interactions)

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("outline-\(UUID().uuidString).yaml")
        try Data("version: 2\ninteractions:\n- id: 0\n  response: {body: !!binary 'Y%Fi'}\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(
            throws: CassetteError(
                .invalidValue, path: file.path, line: 4, column: 20,
                message: "expected base64 for the `!!binary` value of `body`, found invalid base64: "
                    + "`%` is not a base64 character (character 2 of the value)"
            )
        ) {
            _ = try Cassette.outlined(contentsOf: file, keepingBodies: false)
        }
    }
}

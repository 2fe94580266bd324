import Foundation
import Testing

@testable import VCRCommand

@Suite struct CassetteOutlineTests {
    typealias Position = CassetteOutline.Position

    @Test func locatesTheLintedFieldsOfTheSeedCassette() throws {
        let outline = CassetteOutline(yaml: try Data(contentsOf: Fixtures.seed))
        #expect(outline.interactions == [
            .init(
                start: Position(line: 4, column: 3), id: Position(line: 4, column: 7),
                request: Position(line: 6, column: 5), url: Position(line: 19, column: 10),
                status: Position(line: 58, column: 13), code: Position(line: 59, column: 11)
            ),
            .init(
                start: Position(line: 61, column: 3), id: Position(line: 61, column: 7),
                request: Position(line: 63, column: 5), url: Position(line: 76, column: 10),
                status: Position(line: 145, column: 13), code: Position(line: 146, column: 11)
            ),
        ])
    }

    /// In both layouts, each interaction's `id` is where the text's `- id: N` line puts it.
    @Test(arguments: Fixtures.corpusCassettes)
    func locatesEveryInteractionIdInTheCorpus(cassette: URL) throws {
        let text = try String(contentsOf: cassette, encoding: .utf8)
        var expected: [Position] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for prefix in ["- id: ", "    - id: "] where line.hasPrefix(prefix) && line.dropFirst(prefix.count).allSatisfy(\.isNumber) {
                expected.append(Position(line: offset + 1, column: prefix.count + 1))
            }
        }
        let outline = CassetteOutline(yaml: Data(text.utf8))
        #expect(outline.interactions.map(\.id) == expected)
        #expect(!expected.isEmpty)
    }

    @Test func endsAtASyntaxError() {
        let outline = CassetteOutline(yaml: Data("interactions:\n- id: 0\n  request: \"unclosed\n".utf8))
        #expect(outline.interactions.map(\.id) == [Position(line: 2, column: 7)])
    }

    /// Lines break at `\n`, `\r\n` and `\r` only, not at U+0085, U+2028 or U+2029;
    /// columns count characters, and a byte order mark is not one.
    @Test func countsLinesAndColumnsAsEditorsDo() {
        let yaml = "\u{FEFF}interactions:\r\n- id: 0\r  request: \"é\u{2028}\u{85}\"\n  response: {code: 1}\n- {id: 1}\n"
        let outline = CassetteOutline(yaml: Data(yaml.utf8))
        #expect(outline.interactions == [
            .init(
                start: Position(line: 2, column: 3), id: Position(line: 2, column: 7),
                request: Position(line: 3, column: 12), code: Position(line: 4, column: 20)
            ),
            .init(start: Position(line: 5, column: 3), id: Position(line: 5, column: 8)),
        ])
    }

    @Test func outlinesEmptyInputAsNoInteractions() {
        #expect(CassetteOutline(yaml: Data()).interactions.isEmpty)
    }
}

import Foundation
import TestSupport
import Testing
import VCRCassette

@testable import VCRCommand

@Suite struct ShowCommandTests {
    @Test func showsTheSeedCassette() throws {
        let result = try runVCR(["show", PackageFiles.seedCassette.path])
        #expect(result.error == "")
        #expect(result.exitCode == .success)
        #expect(
            result.output == """
                ID  METHOD  URL                                         CODE  REQ BYTES  RESP BYTES  CONTENT TYPE                          DURATION
                 0  POST    https://api.openai.com/v1/chat/completions   200        853        5059  text/event-stream; charset=utf-8  1.289255208s
                 1  POST    https://api.openai.com/v1/chat/completions   200       1284        9418  text/event-stream; charset=utf-8  2.556743167s

                """)
    }

    @Test func shortensLongURLsInTheMiddle() throws {
        let url =
            "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse"
        let shortened = ShowCommand.shortened(url, to: 60)
        #expect(shortened == "https://generativelanguage.go…:streamGenerateContent?alt=sse")
        #expect(shortened.count == 60)
        #expect(ShowCommand.shortened("https://example.com/", to: 60) == "https://example.com/")
    }

    @Test func escapesControlCharactersSoEachRowIsOneLine() {
        #expect(ShowCommand.displayable("a\nb\r\tc\u{1B}d\u{85}e\u{2028}é") == #"a\nb\r\tc\u{1B}d\u{85}e\u{2028}é"#)
    }

    @Test func alignsColumnsWithoutTrailingSpaces() {
        var table = TextTable(columns: [
            .init(heading: "N", alignment: .right), .init(heading: "NAME", alignment: .left),
        ])
        table.rows = [["1", "a"], ["100", "日本語"]]
        #expect(table.rendered == "  N  NAME\n  1  a\n100  日本語\n")
    }

    @Test func showsAMissingContentTypeAsADash() {
        let request = RecordedRequest(url: "https://example.com/")
        let cassette = Cassette(interactions: [
            Interaction(id: 0, request: request, response: RecordedResponse(headers: ["content-type": ["text/plain"]])),
            Interaction(id: 1, request: request, response: RecordedResponse()),
        ])
        #expect(ShowCommand.table(of: cassette).rows.map { $0[6] } == ["text/plain", "-"])
    }

    @Test func reportsAnUnreadableCassette() throws {
        try withTemporaryDirectory { directory in
            let result = try runVCR(["show", directory])
            #expect(result.output == "")
            #expect(result.error == directory + ": found a directory; expected a readable cassette file\n")
            #expect(result.exitCode == .failure)
        }
    }
}

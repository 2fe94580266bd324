import Foundation
import Testing
import VCRCassette

/// The rules of each writer style, one value at a time: goccy/go-yaml's quoting,
/// literal blocks and key order; yaml/v4 rc.6's folding after column 80.
@Suite struct WriterStyleTests {
    /// The text written after `host:` for `value`, up to the line break before `url:`.
    private func written(_ value: String, _ layout: CassetteLayout) -> String {
        let text = yaml(RecordedRequest(host: value), layout)
        guard let start = text.range(of: "host:")?.upperBound,
            let end = text.range(of: #"\n *url:"#, options: .regularExpression, range: start..<text.endIndex)
        else { return text }
        return String(text[start..<end.lowerBound])
    }

    private func yaml(_ request: RecordedRequest, _ layout: CassetteLayout) -> String {
        let cassette = Cassette(
            interactions: [Interaction(id: 0, request: request, response: RecordedResponse())], layout: layout)
        return String(decoding: cassette.yaml(), as: UTF8.self)
    }

    // MARK: goccy/go-yaml v1.18.0

    @Test(arguments: [
        (#"{"ok":true}"#, #" "{\"ok\":true}""#), ("*", #" "*""#), ("a: b", #" "a: b""#), ("a#b", #" "a#b""#),
        (#"a\b"#, #" "a\\b""#), ("- a", #" "- a""#), ("-", #" "-""#), ("trail:", #" "trail:""#),
        (" lead", #" " lead""#),
        ("yes", #" "yes""#), ("Off", #" "Off""#), ("null", #" "null""#), ("", #" """#), ("0x1F", #" "0x1F""#),
        ("1_000", #" "1_000""#), ("+-5", #" "+-5""#), ("1.5e999", #" "1.5e999""#),
        ("99999999999999999999", #" "99999999999999999999""#),
        ("2025-01-01", #" "2025-01-01""#), ("2025-01-01 10:00:00.5", #" "2025-01-01 10:00:00.5""#),
        ("1:20", #" "1:20""#),
        (#"{"a":1}"# + "\n", #" "{\"a\":1}\n""#),
    ])
    func goccyDoubleQuotesWhatItsRulesFlag(value: String, expected: String) {
        #expect(written(value, .goccy) == expected)
    }

    /// What goccy leaves plain, though yaml.v3 would quote some of it.
    @Test(arguments: [
        ("hello world", " hello world"), ("it's", " it's"), ("-x", " -x"), ("?x", " ?x"), (":x", " :x"),
        ("a:b", " a:b"),
        ("1e5", " 1e5"), (".inf", " .inf"), ("2025-1-2", " 2025-1-2"), ("25:00", " 25:00"), ("12:60", " 12:60"),
        ("a\tb", " a\tb"), ("é😀", " é😀"), ("1.2.3", " 1.2.3"), ("0b", " 0b"), ("<<", " <<"), ("~x", " ~x"),
    ])
    func goccyWritesPlainWhatItsRulesLeave(value: String, expected: String) {
        #expect(written(value, .goccy) == expected)
    }

    /// Go's `strconv.Quote` escapes, lower-case hex, printable characters raw.
    @Test(arguments: [
        ("#\0", ##" "#\x00""##), ("#\u{1B}", ##" "#\x1b""##), ("#\u{7F}", ##" "#\x7f""##),
        ("#\u{85}", ##" "#\u0085""##),
        ("#\u{A0}", ##" "#\u00a0""##), ("#\u{AD}", ##" "#\u00ad""##), ("#\u{FEFF}", ##" "#\ufeff""##),
        ("#\u{2028}", ##" "#\u2028""##), ("#\u{E000}", ##" "#\ue000""##), ("#😀é日", ##" "#😀é日""##),
        ("#\u{07}\u{08}\u{0C}\n\r\t\u{0B}\"\\", ##" "#\a\b\f\n\r\t\v\"\\""##),
    ])
    func goccyEscapesLikeGo(value: String, expected: String) {
        #expect(written(value, .goccy) == expected)
    }

    /// Where goccy's plain or literal text would read back differently, double quotes keep the value.
    @Test(arguments: [
        ("\tb", #" "\tb""#), ("b\t", #" "b\t""#), ("? x", #" "? x""#), ("?", #" "?""#), ("a:\tb", #" "a:\tb""#),
        ("a\u{7F}", #" "a\x7f""#), ("a\u{2028}b", #" "a\u2028b""#), ("a\rb", #" "a\rb""#), ("a\r\nb", #" "a\r\nb""#),
        ("\n", #" "\n""#), ("\n\n", #" "\n\n""#), ("\n x", #" "\n x""#), ("\tx\ny", #" "\tx\ny""#),
    ])
    func goccyQuotesWhatWouldNotReadBack(value: String, expected: String) {
        #expect(written(value, .goccy) == expected)
    }

    /// goccy's literal blocks have no indentation digit; in a mapping an empty line keeps the
    /// indentation's spaces, except the last line of a `|+` block.
    @Test(arguments: [
        ("hello\n", " |\n      hello"), ("a\nb", " |-\n      a\n      b"),
        ("one\n\ntwo\n", " |\n      one\n      \n      two"),
        ("a\n\n", " |+\n      a\n"), ("a\n\n\n", " |+\n      a\n      \n"), ("\nfoo", " |-\n      \n      foo"),
        ("  a\nb", #" "  a\nb""#),
    ])
    func goccyLiteralBlocksInAMapping(value: String, expected: String) {
        #expect(written(value, .goccy) == expected)
    }

    @Test func goccyLiteralBlocksInASequenceHaveEmptyBlankLines() {
        let text = yaml(RecordedRequest(headers: ["A": ["one\n\ntwo", "x\n\n\n"], "B": ["*", "plain"]]), .goccy)
        #expect(
            text.contains(
                "      A:\n      - |-\n        one\n\n        two\n      - |+\n        x\n\n\n      B:\n      - \"*\"\n      - plain\n"
            ))
    }

    /// goccy sorts map keys byte by byte; the yaml writers compare digit runs as numbers.
    @Test func goccySortsKeysByteByByte() {
        let request = RecordedRequest(headers: ["X-2": ["a"], "X-10": ["b"], "a": ["c"], "B": ["d"]])
        let goccy = yaml(request, .goccy)
        let compact = yaml(request, .compact)
        #expect(goccy.contains("      B:\n      - d\n      X-10:\n      - b\n      X-2:\n      - a\n      a:\n"))
        #expect(compact.contains("      B:\n      - d\n      X-2:\n      - a\n      X-10:\n      - b\n      a:\n"))
    }

    @Test func goccyQuotesKeysByItsRules() {
        let text = yaml(RecordedRequest(headers: ["a: b": ["x"], "yes": ["y"], "two\nlines": ["z"]]), .goccy)
        #expect(text.contains("      \"a: b\":\n      - x\n"))
        #expect(text.contains("      \"two\\nlines\":\n      - z\n"))
        #expect(text.contains("      \"yes\":\n      - \"y\"\n"))
    }

    // MARK: yaml/v4 rc.6 (x/vcr's main branch)

    /// `host: ` puts the value's first character in column 10: a space is folded when the
    /// emitter stands after column 80, not at it.
    @Test func rc6FoldsASpaceAfterColumn80() {
        let atEighty = String(repeating: "x", count: 70) + " a"
        let afterEighty = String(repeating: "x", count: 71) + " a"
        #expect(written(atEighty, .folded) == " " + atEighty)
        #expect(written(afterEighty, .folded) == " " + String(repeating: "x", count: 71) + "\n      a")
        #expect(written(afterEighty, .compact) == " " + afterEighty)
    }

    @Test func rc6FoldsEveryLineThatRunsPastColumn80() throws {
        let words = Array(repeating: "abcdefghij", count: 20).joined(separator: " ")
        let lines = written(words, .folded).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("      abcdefghij") })
        #expect(lines.map(\.count) == [77, 82, 71])  // 7 words each: the 7th space is the first past column 80
        #expect(
            try Cassette(yaml: Data(yaml(RecordedRequest(host: words), .folded).utf8)).interactions[0].request.host
                == words)
    }

    @Test func rc6FoldsQuotedScalarsAndKeepsDoubleSpaces() throws {
        let single = "#" + String(repeating: "x", count: 80) + " y z"
        #expect(written(single, .folded) == " '#" + String(repeating: "x", count: 80) + "\n      y z'")
        let double = "\u{1B}" + String(repeating: "x", count: 80) + "  y"
        #expect(written(double, .folded) == #" "\e"# + String(repeating: "x", count: 80) + "\n      \\ y\"")
        #expect(
            try Cassette(yaml: Data(yaml(RecordedRequest(host: double), .folded).utf8)).interactions[0].request.host
                == double)
        #expect(written("#" + String(repeating: "x", count: 80) + "  y", .folded).contains("\n") == false)
    }

    @Test func rc6NeverFoldsKeys() {
        let key = String(repeating: "k", count: 60) + " " + String(repeating: "k", count: 60)
        #expect(yaml(RecordedRequest(headers: [key: ["v"]]), .folded).contains("      \(key):\n"))
    }

    @Test func rc6SingleQuotesYAML11LookAlikes() {
        #expect(written("yes", .folded) == " 'yes'")
        #expect(written("1:20", .folded) == " '1:20'")
        #expect(written("yes", .compact) == " \"yes\"")
        #expect(written("true", .folded) == " \"true\"")
    }

    /// rc.6 writes a block's indentation digit only when the text starts with a space.
    @Test func rc6LiteralBlocksStartingWithALineBreakHaveNoDigit() {
        #expect(written("\nfoo", .folded) == " |-\n\n      foo")
        #expect(written("\nfoo", .compact) == " |2-\n\n      foo")
        #expect(written(" foo\nbar", .folded) == " |2-\n       foo\n      bar")
        #expect(written("\n foo", .folded) == " |2-\n\n       foo")
    }
}

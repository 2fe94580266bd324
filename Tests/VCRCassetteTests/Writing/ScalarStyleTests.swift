import Foundation
import Testing
import VCRCassette

/// One test per rule of the writer's scalar style choice (`ScalarAnalysis` and the emitter that reads it).
@Suite struct ScalarStyleTests {
    /// The text the writer produces after `host:` for `value`, up to the line break before `url:`.
    private func written(_ value: String, layout: CassetteLayout = .compact) -> String {
        let cassette = Cassette(
            interactions: [Interaction(id: 0, request: RecordedRequest(host: value), response: RecordedResponse())],
            layout: layout)
        let text = String(decoding: cassette.yaml(), as: UTF8.self)
        guard let start = text.range(of: "host:")?.upperBound,
            let end = text.range(of: #"\n *url:"#, options: .regularExpression, range: start..<text.endIndex)
        else { return text }
        return String(text[start..<end.lowerBound])
    }

    @Test(arguments: [
        ("hello world", " hello world"), ("https://example.com/a?b=c#d", " https://example.com/a?b=c#d"),
        ("a:b", " a:b"), ("a#b", " a#b"), ("200 OK", " 200 OK"), ("日本語", " 日本語"), ("1:2:3x", " 1:2:3x"),
        ("2025-01-01 ", " '2025-01-01 '"), ("2025-02-30", " 2025-02-30"), ("1e400", " 1e400"), ("0xZZ", " 0xZZ"),
        ("-", " '-'"), ("+", " +"), (".", " ."), ("2025-01-01\u{A0}", " 2025-01-01\u{A0}"),
    ])
    func plainWhenItReadsBackAsTheSameString(value: String, expected: String) {
        #expect(written(value) == expected)
    }

    @Test(arguments: [
        "true", "False", "NULL", "~", "0", "-12", "+1", "1_000", "0x1F", "0o17", "0b101", "0777", "08", "1.5", "1e3",
        ".5", "-.5", ".inf", "-.Inf", ".NaN", "2025-01-01", "2025-1-2", "2024-02-29", "2025-01-01T10:00:00Z",
        "2025-01-01t10:00:00.5+02:00", "2025-01-01 10:00:00", "y", "Yes", "NO", "on", "OFF", "1:20", "-1:20:30.5",
        "18446744073709551615", "99999999999999999999",
    ])
    func doubleQuotedWhenPlainWouldReadAsAnotherType(value: String) {
        #expect(written(value) == " \"\(value)\"")
    }

    /// yaml.v3 resolves `<<` as a string and `0b-1` as an integer; yaml/v4 quotes `<<`
    /// as a merge key look-alike and reads `0b-1` as a string.
    @Test func yamlV3AndV4DifferOnTheMergeKeyAndSignedBinaryDigits() {
        #expect(written("<<", layout: .indented) == " <<")
        #expect(written("<<", layout: .compact) == " \"<<\"")
        #expect(written("<<", layout: .folded) == " '<<'")
        #expect(written("0b-1", layout: .indented) == " \"0b-1\"")
        #expect(written("0b-1", layout: .compact) == " 0b-1")
    }

    @Test func emptyStringIsDoubleQuoted() {
        #expect(written("") == " \"\"")
    }

    @Test(arguments: [
        (" lead", " ' lead'"), ("trail ", " 'trail '"), ("#x", " '#x'"), ("&a", " '&a'"), ("*a", " '*a'"),
        ("!a", " '!a'"),
        ("|a", " '|a'"), (">a", " '>a'"), ("'a", " '''a'"), ("\"a", " '\"a'"), ("%a", " '%a'"), ("@a", " '@a'"),
        ("`a", " '`a'"), ("[a", " '[a'"), ("]a", " ']a'"), ("{a", " '{a'"), ("}a", " '}a'"), (",a", " ',a'"),
        ("? a", " '? a'"), (": a", " ': a'"), ("- a", " '- a'"), ("?", " '?'"), ("a: b", " 'a: b'"),
        ("a #b", " 'a #b'"),
        ("---x", " '---x'"), ("...x", " '...x'"), ("it's", " it's"), ("a\u{2028}b", " 'a\u{2028}      b'"),
    ])
    func singleQuotedWhenPlainIsNotAllowed(value: String, expected: String) {
        #expect(written(value) == expected)
    }

    @Test(arguments: [
        ("a\tb", #" "a\tb""#), ("\0", #" "\0""#), ("\u{07}\u{08}\u{0B}\u{0C}\r\u{1B}", #" "\a\b\v\f\r\e""#),
        ("a\u{85}b", #" "a\Nb""#), ("\u{A0}x\u{A0}", " \u{A0}x\u{A0}"), ("a\u{7F}", #" "a\x7F""#),
        ("a\u{9F}", #" "a\x9F""#), ("\u{FEFF}ab", #" "\uFEFF\x61\x62""#), ("a\u{FEFF}", #" "a\uFEFF""#),
        ("😀", #" "\U0001F600""#), ("é😀ñ", #" "é\U0001F600ñ""#), ("\u{FFFE}", #" "\uFFFE""#),
        ("\n", #" "\n""#), ("\n\n", #" "\n\n""#), (" \n", #" " \n""#), ("a \nb", #" "a \nb""#),
        ("\"\\ \t", #" "\"\\ \t""#), ("x\r\ny", #" "x\r\ny""#), ("\r\n\u{2029}", #" "\r\n\P""#),
    ])
    func doubleQuotedWithEscapes(value: String, expected: String) {
        #expect(written(value) == expected)
    }

    @Test func nonBreakingSpaceStaysRawInDoubleQuotes() {
        #expect(written("\u{A0}\t") == " \"\u{A0}\\t\"")
    }

    @Test(arguments: [
        ("a\nb", " |-\n      a\n      b"), ("a\nb\n", " |\n      a\n      b"), ("a\n\n", " |+\n      a\n"),
        ("a\n\nb", " |-\n      a\n\n      b"), ("\na", " |2-\n\n      a"), ("  a\nb\n", " |2\n        a\n      b"),
        ("a\n b\n", " |\n      a\n       b"), ("\ta\nb", " |2-\n      \ta\n      b"),
    ])
    func literalBlocksWithChompingAndIndentationIndicators(value: String, expected: String) {
        #expect(written(value) == expected)
    }

    @Test func literalBlocksIndentByFourInTheIndentedLayout() {
        #expect(written("\na\n", layout: .indented) == " |4\n\n            a")
    }

    @Test func invalidUTF8BodiesAreBinary() {
        var request = RecordedRequest(body: Data([0xFF, 0x00, 0x41]))
        var cassette = Cassette(interactions: [Interaction(id: 0, request: request, response: RecordedResponse())])
        #expect(String(decoding: cassette.yaml(), as: UTF8.self).contains("    body: !!binary /wBB\n"))

        request.body = Data([0xFF] + Array(repeating: UInt8(ascii: "a"), count: 60))
        cassette.interactions[0].request = request
        let text = String(decoding: cassette.yaml(), as: UTF8.self)
        let encoded = Data(request.body).base64EncodedString()
        #expect(
            text.contains("    body: !!binary |\n      \(encoded.prefix(70))\n      \(encoded.dropFirst(70))\n    url:")
        )
    }

    @Test func binaryOfExactlySeventyCharactersIsABlock() {
        let body = Data([0xFF] + Array(repeating: UInt8(ascii: "a"), count: 51))  // 52 bytes → 72 chars
        let shorter = Data([0xFF] + Array(repeating: UInt8(ascii: "a"), count: 50))  // 51 bytes → 68 chars
        let block = Cassette(interactions: [
            Interaction(id: 0, request: RecordedRequest(body: body), response: RecordedResponse())
        ])
        let line = Cassette(interactions: [
            Interaction(id: 0, request: RecordedRequest(body: shorter), response: RecordedResponse())
        ])
        #expect(String(decoding: block.yaml(), as: UTF8.self).contains("body: !!binary |\n"))
        #expect(!String(decoding: line.yaml(), as: UTF8.self).contains("body: !!binary |"))
    }
}

import Foundation
import Testing
import VCRCassette

/// Every YAML scalar style reads as the text libyaml unescapes, byte for byte.
@Suite struct ReadingScalarStyleTests {
    /// The response body of a one-interaction cassette whose body is written `body: <value>`;
    /// the lines after the first of `value` carry their own indentation (the body key is in column 5).
    private func body(_ value: String) throws -> String {
        let cassette = try readCassette(
            """
            ---
            version: 2
            interactions:
            - id: 0
              response:
                body: \(value)
                headers: {}
                status: 200 OK

            """)
        let response = try #require(cassette.interactions.first).response
        #expect(response.status == "200 OK")
        return String(decoding: response.body, as: UTF8.self)
    }

    @Test func plain() throws {
        #expect(try body("hello:world, [x] {y} a#b 100%") == "hello:world, [x] {y} a#b 100%")
        #expect(try body("café 日本語") == "café 日本語")
    }

    @Test func plainOverSeveralLines() throws {
        #expect(try body("first\n      second\n\n      third") == "first second\nthird")
    }

    @Test func singleQuoted() throws {
        #expect(try body("'it''s ''quoted'''") == "it's 'quoted'")
        #expect(try body("'  # not a comment: '") == "  # not a comment: ")
    }

    @Test func singleQuotedOverSeveralLines() throws {
        #expect(try body("'one\n      two\n\n      three'") == "one two\nthree")
    }

    @Test(arguments: [
        (#"\0"#, "\u{0}"), (#"\a"#, "\u{7}"), (#"\b"#, "\u{8}"), (#"\t"#, "\t"), (#"\n"#, "\n"),
        (#"\v"#, "\u{B}"), (#"\f"#, "\u{C}"), (#"\r"#, "\r"), (#"\e"#, "\u{1B}"), (#"\""#, "\""),
        (#"\\"#, "\\"), (#"\N"#, "\u{85}"), (#"\_"#, "\u{A0}"), (#"\L"#, "\u{2028}"), (#"\P"#, "\u{2029}"),
        (#"\x41"#, "A"), (#"\x7F"#, "\u{7F}"), (#"\u00e9"#, "é"), (#"\uFEFF"#, "\u{FEFF}"), (#"\U0001F600"#, "😀"),
    ])
    func doubleQuotedEscape(escape: String, text: String) throws {
        #expect(try body("\"<\(escape)>\"") == "<\(text)>")
    }

    @Test func doubleQuotedCRLFStream() throws {
        #expect(try body(#""data: {\"a\": 1}\r\n\r\n""#) == "data: {\"a\": 1}\r\n\r\n")
    }

    @Test func doubleQuotedOverSeveralLines() throws {
        #expect(try body("\"one\n      two\n\n      three\"") == "one two\nthree")
        #expect(try body("\"joined\\\n      text\"") == "joinedtext")
        #expect(try body("\"kept \\\n      \\ space\"") == "kept  space")
    }

    @Test func literal() throws {
        #expect(
            try body("|\n      line one\n        indented\n\n      line three\n")
                == "line one\n  indented\n\nline three\n")
    }

    @Test func literalStrip() throws {
        #expect(try body("|-\n      no final break\n\n") == "no final break")
    }

    @Test func literalKeep() throws {
        // The template's line break after the value is the block's last kept one.
        #expect(try body("|+\n      data: {}\n\n") == "data: {}\n\n\n")
    }

    @Test func literalWithIndentationIndicator() throws {
        #expect(try body("|2\n        leading spaces\n      rest\n") == "  leading spaces\nrest\n")
        #expect(try body("|2-\n\n      after a blank line\n") == "\nafter a blank line")
        #expect(try body("|2+\n       x\n") == " x\n\n")
    }

    @Test func folded() throws {
        #expect(try body(">\n      folded\n      lines\n\n      next paragraph\n") == "folded lines\nnext paragraph\n")
        #expect(try body(">-\n      a\n        kept\n      b\n") == "a\n  kept\nb")
    }

    @Test func binaryOnOneLine() throws {
        #expect(try body("!!binary aGVsbG8=") == "hello")
        #expect(try body("!<tag:yaml.org,2002:binary> aGk=") == "hi")
    }

    @Test func binaryBlockSkipsLineBreaksAndSpaces() throws {
        #expect(try body("!!binary |\n      aGVs\n      bG8g\n      d29y bGQ=\n") == "hello world")
        #expect(try body("!!binary aGVs\n      bG8=") == "hello")
    }

    @Test func binaryEmpty() throws {
        #expect(try body("!!binary \"\"") == "")
    }

    @Test func stylesInOtherFields() throws {
        let cassette = try readCassette(
            """
            version: 2
            interactions:
            - id: 0
              request:
                url: 'https://example.com/a?q=it''s'
                method: "P\\x4FST"
                headers:
                  X-Multi:
                  - |-
                    two
                    lines
                  - >-
                    folded
                    value
                  - "\\t"
                  - "true"
                  - ''
            """)
        let request = try #require(cassette.interactions.first).request
        #expect(request.url == "https://example.com/a?q=it's")
        #expect(request.method == "POST")
        #expect(request.headers["X-Multi"] == ["two\nlines", "folded value", "\t", "true", ""])
    }
}

import Foundation
import Testing
import VCR

@testable import VCRCommand

@Suite struct JSONValueTests {
    @Test func escapesQuotesBackslashesAndControlCharacters() {
        #expect(
            JSONString.quoted("a\"b\\c\n\r\t\u{08}\u{0C}\u{00}\u{1B}\u{1F}")
                == #""a\"b\\c\n\r\t\b\f\u0000\u001b\u001f""#)
    }

    @Test func escapesLineSeparatorsAndByteOrderMarks() {
        #expect(JSONString.quoted("\u{FEFF}a\u{2028}b\u{2029}") == #""\ufeffa\u2028b\u2029""#)
    }

    @Test func keepsEverythingElseAsIs() {
        let text = "café 日本語 😀 \u{7F} \u{85} \u{A0} \u{FFFD} / ' <>"
        #expect(JSONString.quoted(text) == "\"" + text + "\"")
    }

    /// Every scalar from U+0000 to U+00FF, and a few beyond, reads back through JSONSerialization,
    /// a byte order mark at the start included.
    @Test func roundTripsThroughJSONSerialization() throws {
        var text = "\u{FEFF}" + String(String.UnicodeScalarView((0...0xFF).compactMap(Unicode.Scalar.init)))
        text += "\u{2028}\u{2029}\u{FEFF}\u{FFFD}😀\u{10FFFF}"
        let rendered = JSONValue.array([.string(text)]).prettyPrinted
        let parsed = try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String]
        #expect(parsed == [text])
    }

    @Test func prettyPrintsWithTwoSpacesAndInlineEmptyContainers() {
        let value = JSONValue.object([
            ("a", .array([.integer(-1), .bool(true), .bool(false)])),
            ("b", .object([])),
            ("c", .array([])),
            ("d", .object([("e", .string("f"))])),
        ])
        #expect(
            value.prettyPrinted == """
                {
                  "a": [
                    -1,
                    true,
                    false
                  ],
                  "b": {},
                  "c": [],
                  "d": {
                    "e": "f"
                  }
                }

                """)
    }
}

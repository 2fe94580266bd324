import Foundation
import TestSupport
import Testing
import VCRCassette

@testable import VCR

@Suite struct JSONValueTests {
    private func parse(_ text: String) -> JSONValue? {
        JSONParser.parse(Data(text.utf8))
    }

    @Test(arguments: [
        ("1", "1.0"), ("1e2", "100"), ("100", "1E+2"), ("-0", "0"), ("0.5", "5e-1"), ("12.340", "1.234e1"),
        ("123456789012345678901234567890", "1.2345678901234567890123456789e29"),
    ])
    func numbersCompareByValue(_ left: String, _ right: String) {
        #expect(parse(left) == parse(right))
    }

    @Test func distinctNumbersDiffer() {
        #expect(parse("1") != parse("1.0000000000000000000001"))
        #expect(parse("9007199254740993") != parse("9007199254740992"))
    }

    @Test func booleansAreNotNumbers() {
        #expect(parse("true") != parse("1"))
        #expect(parse("[false]") != parse("[0]"))
    }

    @Test func objectsIgnoreKeyOrderAndWhiteSpace() {
        #expect(parse(#"{"a":1,"b":[true,null]}"#) == parse(" {\n  \"b\" : [ true , null ],\r\n\t\"a\" : 1.0 }\n"))
    }

    @Test(arguments: [
        (#"{"a":1,"b":[true,null]}"#, #" { "b" : [ true , null ], "a" : 1.0 } "#), ("1e2", "100"), ("-0", "0"),
        (#""\u00e9""#, #""é""#), (#""e\u0301""#, #""é""#), (#"{"k":"a","k":"b"}"#, #"{"k":"b"}"#),
    ])
    func equalValuesHaveEqualDigests(_ left: String, _ right: String) throws {
        let left = try #require(parse(left)), right = try #require(parse(right))
        #expect(left == right)
        #expect(left.digest == right.digest)
    }

    @Test func unequalValuesHaveDistinctDigests() throws {
        let texts = [
            "null", "true", "false", "0", "1", "-1", "10", "0.1", #""""#, #""1""#, #""é""#, "[]", "{}", "[1,2]",
            "[2,1]",
            "[[1],2]", "[1,[2]]", #"{"a":1}"#, #"{"a":2}"#, #"{"b":1}"#, #"{"a":1,"b":2}"#, #"{"a":2,"b":1}"#,
            #"{"a":{"b":1}}"#, #"{"a":[1]}"#, #"["a",1]"#,
        ]
        let digests = try texts.map { try #require(parse($0)).digest }
        #expect(Set(digests).count == texts.count)
    }

    @Test func stringEscapesAreDecoded() {
        #expect(parse(#""\u00e9\n\ud83d\ude00\/""#) == .string("é\n😀/"))
        #expect(parse(#""\ud800""#) == .string("\u{FFFD}"))
        #expect(parse(#""plain, then \"quoted\" and \\""#) == .string(#"plain, then "quoted" and \"#))
        #expect(parse(#"{"key":"é","k\u00e9y":"v"}"#) == .object(["key": .string("é"), "kéy": .string("v")]))
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\":}", "01", "1.", ".5", "+1", "tru", "\"a", "\"\u{01}\"", "{} {}", "[1] x", "1e",
        "\"\\x\"", "nul", "\"a\\n\u{01}\"",
    ])
    func rejectsInvalidDocuments(_ text: String) {
        #expect(parse(text) == nil)
    }

    /// Read without building the value, a document has its value's digest,
    /// and no digest when it is no document: spellings, repeated and
    /// canonically equal names (the last value counts), escapes, and every
    /// body of the corpus.
    @Test func aDocumentsDigestIsItsValuesDigest() {
        let texts = [
            "null", "true", "false", "0", "-0", "0.0", "-0.0e5", "1", "1.0", "10", "1e1", "100E-2", "-12.50", "0.001",
            #""""#, #""a""#, #""é""#, #""\u00e9""#, #""e\u0301""#, #""tab\tquote\"""#, #""\ud83d\ude00""#,
            "[]", "[[]]", "[1,[2,[3]]]", "{}", #"{"a":{}}"#, #"{"a":1,"b":[true,null]}"#, #"{"b":[true,null],"a":1}"#,
            #"{"k":"a","k":"b"}"#, #"{"k":"b"}"#, #"{"x":{"k":1,"k":2},"y":3}"#, #"{"é":1,"e\u0301":2}"#,
            "{\"e\u{301}\":1}", #"{"\u00e9":1}"#, " \r\n[ 1 , 2 ]\t", "", "{", "[1,]", "01", "1e", "{} {}",
            #"{"a" 1}"#, "\"\u{01}\"",
        ]
        let bodies = PackageFiles.cassettes(under: PackageFiles.corpus).flatMap { url in
            ((try? Cassette(contentsOf: url))?.interactions ?? []).flatMap { [$0.request.body, $0.response.body] }
        }
        #expect(bodies.count > 100)
        let nested = [500, 100_000].map { String(repeating: "[", count: $0) + String(repeating: "]", count: $0) }
        for data in (texts + nested).map({ Data($0.utf8) }) + bodies {
            #expect(
                JSONValue.digest(ofDocument: data) == JSONParser.parse(data)?.digest,
                "\(String(decoding: data.prefix(80), as: UTF8.self))")
        }
    }

    /// A string's end, escapes and control bytes are found wherever they fall
    /// in it, and its digest read from the bytes is its value's.
    @Test(arguments: 0..<20)
    func longStringsEndAndEscapeAtAnyOffset(offset: Int) {
        let before = String(repeating: "a", count: offset)
        let after = String(repeating: "b", count: 11)
        #expect(parse("\"\(before)\"") == .string(before))
        #expect(parse(#""\#(before)\n\#(after)""#) == .string(before + "\n" + after))
        #expect(parse(#""\#(before)\"\#(after)""#) == .string(before + "\"" + after))
        #expect(parse(#""\#(before)é\#(after)""#) == .string(before + "é" + after))
        #expect(parse("\"\(before)\u{01}\(after)\"") == nil)
        #expect(parse("\"\(before)\u{1F}\(after)\"") == nil)
        #expect(parse("\"\(before)\(after)") == nil)
        let document = Data(#"{"k\#(before)":"\#(before)\t\#(after)"}"#.utf8)
        #expect(JSONValue.digest(ofDocument: document) == JSONParser.parse(document)?.digest)
    }

    @Test func rejectsNestingBeyondTheLimit() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(parse(deep) == nil)
        let fine = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(parse(fine) != nil)
    }

    @Test func prettyPrintsWithSortedKeysAndCanonicalNumbers() {
        let value = parse(#"{"b":[1.50,{"y":"\u0001","x":1e2}],"a":{},"c":[]}"#)
        #expect(
            value.map(JSONPrettyPrinter.lines) == [
                "{",
                #"  "a": {},"#,
                #"  "b": ["#,
                "    1.5,",
                "    {",
                #"      "x": 100,"#,
                #"      "y": "\u0001""#,
                "    }",
                "  ],",
                #"  "c": []"#,
                "}",
            ])
    }

    @Test(arguments: [
        ("1e21", "1e+21"), ("123e18", "123000000000000000000"), ("0.000001", "0.000001"), ("1e-7", "1e-7"),
        ("-2.5e-3", "-0.0025"), ("12345.678", "12345.678"),
    ])
    func numberDescriptions(_ text: String, _ expected: String) {
        guard case .number(let number) = parse(text) else {
            Issue.record("not a number: \(text)")
            return
        }
        #expect(number.description == expected)
    }

    @Test func pathsRemoveMembers() {
        let document = parse(#"{"id":"x","messages":[{"id":1,"text":"a"},{"id":2,"text":"b"}],"meta":{"a.b":1,"c":2}}"#)
        let cases: [(String, String)] = [
            ("id", #"{"messages":[{"id":1,"text":"a"},{"id":2,"text":"b"}],"meta":{"a.b":1,"c":2}}"#),
            ("$.messages[*].id", #"{"id":"x","messages":[{"text":"a"},{"text":"b"}],"meta":{"a.b":1,"c":2}}"#),
            ("messages[1]", #"{"id":"x","messages":[{"id":1,"text":"a"}],"meta":{"a.b":1,"c":2}}"#),
            (#"meta["a.b"]"#, #"{"id":"x","messages":[{"id":1,"text":"a"},{"id":2,"text":"b"}],"meta":{"c":2}}"#),
            ("meta.*", #"{"id":"x","messages":[{"id":1,"text":"a"},{"id":2,"text":"b"}],"meta":{}}"#),
            (
                "missing.path",
                #"{"id":"x","messages":[{"id":1,"text":"a"},{"id":2,"text":"b"}],"meta":{"a.b":1,"c":2}}"#
            ),
        ]
        for (path, expected) in cases {
            #expect(document.map(JSONPath(path).removing) == parse(expected), "\(path)")
        }
    }
}

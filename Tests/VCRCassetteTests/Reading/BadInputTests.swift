import Foundation
import TestSupport
import Testing
import VCRCassette

/// Every kind of bad input is a ``CassetteError`` placed at its line and column, never a crash or a hang.
@Suite struct BadInputTests {
    /// Expects reading `yaml` to fail with `kind` at `line`:`column`, with a message containing each of `phrases`.
    private func expectFailure(
        _ yaml: String, _ kind: CassetteError.Kind, line: Int, column: Int, _ phrases: String...,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        expectFailure(
            Data(yaml.utf8), kind, line: line, column: column, phrases: phrases, sourceLocation: sourceLocation)
    }

    private func expectFailure(
        _ yaml: Data, _ kind: CassetteError.Kind, line: Int, column: Int, phrases: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard let error = readingError(yaml) else {
            Issue.record("expected a \(kind) error, but the input read", sourceLocation: sourceLocation)
            return
        }
        #expect(error.kind == kind, "\(error)", sourceLocation: sourceLocation)
        #expect(error.line == line && error.column == column, "\(error)", sourceLocation: sourceLocation)
        #expect(error.path == "test.yaml", sourceLocation: sourceLocation)
        #expect(error.description.hasPrefix("test.yaml:\(line):\(column): "), sourceLocation: sourceLocation)
        for phrase in phrases {
            #expect(error.message.contains(phrase), "\(error)", sourceLocation: sourceLocation)
        }
    }

    // MARK: Malformed YAML

    @Test func unclosedFlowSequence() {
        expectFailure(
            "version: 2\nextra: [a, b\n", .syntax, line: 3, column: 1,
            "malformed YAML: did not find expected ',' or ']'", "while parsing a flow sequence (at line 2, column 8)")
    }

    @Test func badIndentation() {
        expectFailure(
            "version: 2\ninteractions:\n- id: 0\n  request:\n    method: GET\n   url: x\n", .syntax, line: 6, column: 4,
            "malformed YAML")
    }

    @Test func tabIndentation() {
        expectFailure(
            "version: 2\ninteractions:\n\t- id: 0\n", .syntax, line: 3, column: 1,
            "malformed YAML: found character that cannot start any token")
    }

    @Test func truncatedInsideAQuotedBody() throws {
        let text = try String(
            contentsOf: Corpus.file("fantasy/TestGoogleCommon/gemini-2.5-flash/simple_streaming.yaml"), encoding: .utf8)
        let cut = try #require(text.range(of: #"body: "data: {\"candidates"#)).upperBound
        let truncated = String(text[..<cut])
        let lines = truncated.split(separator: "\n", omittingEmptySubsequences: false)
        expectFailure(
            truncated, .syntax, line: lines.count, column: (lines.last?.count ?? 0) + 1,
            "found unexpected end of stream", "while scanning a quoted scalar")
    }

    @Test func truncatedInsideABinaryBody() throws {
        let text = try String(
            contentsOf: Corpus.file(
                "fantasy/TestBedrockCommon/bedrock-anthropic-claude-haiku-4-5/simple_streaming.yaml"), encoding: .utf8)
        let start = try #require(text.range(of: "body: !!binary |"))
        let truncated = String(text[..<start.upperBound]) + "\n      AAACqwAAAEvOE0j9CzpldmVudC10eXBlBwAFY2h1bm"
        let line = truncated[..<start.lowerBound].filter { $0 == "\n" }.count + 1
        expectFailure(truncated, .invalidValue, line: line, column: 11, "ends inside a 4-character group")
    }

    @Test func invalidUTF8() {
        var yaml = Data("version: 2\ninteractions:\n- request:\n    body: caf".utf8)
        yaml.append(contentsOf: [0xFF, 0x20, 0x0A])
        expectFailure(
            yaml, .syntax, line: 4, column: 14, phrases: ["invalid leading UTF-8 octet", "0xFF", "`!!binary`"])
    }

    @Test func invalidUTF8AfterMultibyteCharacters() {
        var yaml = Data("version: 2\ninteractions:\n- request:\n    url: é日".utf8)
        yaml.append(contentsOf: [0xE9, 0x20, 0x0A])
        expectFailure(yaml, .syntax, line: 4, column: 13, phrases: ["invalid trailing UTF-8 octet"])
    }

    /// A byte order mark is no character: the column is the one editors show, from memory or a file.
    @Test func invalidUTF8OnTheFirstLineAfterAByteOrderMark() throws {
        var yaml = Data([0xEF, 0xBB, 0xBF] + Array("version: caf".utf8))
        yaml.append(contentsOf: [0xFF, 0x0A])
        expectFailure(yaml, .syntax, line: 1, column: 13, phrases: ["invalid leading UTF-8 octet"])
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bom-\(UUID().uuidString).yaml")
        try yaml.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            _ = try Cassette(contentsOf: file)
            Issue.record("expected invalid UTF-8 to fail")
        } catch {
            #expect(error.line == 1 && error.column == 13, "\(error)")
        }
    }

    @Test func controlCharacter() {
        expectFailure(
            "version: 2\ninteractions:\n- request:\n    body: a\u{1}b\n", .syntax, line: 4, column: 12,
            "control characters are not allowed")
    }

    // MARK: Wrong node types

    @Test func documentIsNotAMapping() {
        expectFailure(
            "- id: 0\n", .unexpectedNode, line: 1, column: 1,
            "expected a cassette: a mapping with `version: 2` and `interactions`, found a sequence")
        expectFailure("--- just text\n", .unexpectedNode, line: 1, column: 5, "found `just text`")
    }

    @Test func requestIsASequence() {
        expectFailure(
            "version: 2\ninteractions:\n- id: 0\n  request: [a]\n", .unexpectedNode, line: 4, column: 12,
            "expected a mapping for `request`, found a sequence")
    }

    @Test func responseIsText() {
        expectFailure(
            "version: 2\ninteractions:\n- response: 200 OK\n", .unexpectedNode, line: 3, column: 13,
            "expected a mapping for `response`, found `200 OK`")
    }

    @Test func interactionsIsAMapping() {
        expectFailure(
            "version: 2\ninteractions:\n  id: 0\n", .unexpectedNode, line: 3, column: 3,
            "expected a sequence of interactions for `interactions`, found a mapping")
    }

    @Test func interactionIsText() {
        expectFailure(
            "version: 2\ninteractions:\n- GET /\n", .unexpectedNode, line: 3, column: 3,
            "expected a mapping with `id`, `request` and `response` for an interaction, found `GET /`")
    }

    @Test func headersIsText() {
        expectFailure(
            "version: 2\ninteractions:\n- request:\n    headers: text/plain\n", .unexpectedNode, line: 4, column: 14,
            "expected a mapping of names to sequences of strings for `headers`, found `text/plain`")
    }

    @Test func headerValueIsText() {
        expectFailure(
            "version: 2\ninteractions:\n- request:\n    headers:\n      Accept: text/plain\n", .unexpectedNode, line: 5,
            column: 15,
            "expected a sequence of strings for `Accept` in `headers`, found `text/plain`")
    }

    @Test func headerValueItemIsASequence() {
        expectFailure(
            "version: 2\ninteractions:\n- response:\n    trailer:\n      X-A: [[a]]\n", .unexpectedNode, line: 5,
            column: 13,
            "expected a string in `X-A` in `trailer`, found a sequence")
    }

    @Test func stringFieldIsAMapping() {
        expectFailure(
            "version: 2\ninteractions:\n- response:\n    status: {code: 200}\n", .unexpectedNode, line: 4, column: 13,
            "expected a string for `status`, found a mapping")
    }

    @Test func keyIsACollection() {
        expectFailure(
            "version: 2\ninteractions:\n- ? [id]\n  : 0\n", .unexpectedNode, line: 3, column: 5,
            "expected a key, found a sequence")
    }

    @Test func emptyInteraction() {
        expectFailure("version: 2\ninteractions:\n-\n", .unexpectedNode, line: 3, column: 2, "found an empty value")
    }

    // MARK: Unparsable values

    @Test func badInteger() {
        expectFailure(
            "version: 2\ninteractions:\n- response:\n    code: abc\n", .invalidValue, line: 4, column: 11,
            "expected an integer for `code`, found `abc`")
        expectFailure(
            "version: 2\ninteractions:\n- request:\n    content_length: 12x\n", .invalidValue, line: 4, column: 21,
            "expected an integer for `content_length`, found `12x`")
        expectFailure(
            "version: 2\ninteractions:\n- id: 9223372036854775808\n", .invalidValue, line: 3, column: 7,
            "expected an integer for `id`")
        expectFailure(
            "version: 2\ninteractions:\n- response:\n    proto_major: \"\"\n", .invalidValue, line: 4, column: 18,
            "expected an integer for `proto_major`, found an empty string")
    }

    @Test func badBoolean() {
        expectFailure(
            "version: 2\ninteractions:\n- response:\n    uncompressed: maybe\n", .invalidValue, line: 4, column: 19,
            "expected `true` or `false` for `uncompressed`, found `maybe`")
    }

    @Test func badDuration() {
        expectFailure(
            "version: 2\ninteractions:\n- response:\n    duration: abc\n", .invalidValue, line: 4, column: 15,
            "expected a Go duration such as `1.5s` for `duration`, found `abc`")
        expectFailure(
            "version: 2\ninteractions:\n- response:\n    duration: 1.5\n", .invalidValue, line: 4, column: 15,
            "found `1.5`")
    }

    @Test func longBadValueIsShortened() {
        let long = String(repeating: "x", count: 100)
        expectFailure(
            "version: 2\ninteractions:\n- response:\n    code: \(long)\n", .invalidValue, line: 4, column: 11,
            "found `\(String(repeating: "x", count: 40))…`")
    }

    @Test func badBase64() {
        expectFailure(
            "version: 2\ninteractions:\n- response:\n    body: !!binary aGVsbG8*\n", .invalidValue, line: 4, column: 11,
            "expected base64 for the `!!binary` value of `body`", "`*` is not a base64 character", "character 8")
        expectFailure(
            "version: 2\ninteractions:\n- response:\n    body: !!binary aGVsbG8\n", .invalidValue, line: 4, column: 11,
            "ends inside a 4-character group")
        expectFailure(
            "version: 2\ninteractions:\n- response:\n    body: !!binary aGk=aGk=\n", .invalidValue, line: 4, column: 11,
            "text follows the `=` padding")
        expectFailure(
            "version: 2\ninteractions:\n- response:\n    body: !!binary a===\n", .invalidValue, line: 4, column: 11,
            "`=` comes before the last two characters")
    }

    // MARK: Version

    @Test func unsupportedVersion() {
        expectFailure(
            "---\nversion: 1\ninteractions: []\n", .unsupportedVersion, line: 2, column: 10,
            "unsupported cassette version format: 1", "Re-record", "`version: 2`")
        expectFailure(
            "version: 3\n", .unsupportedVersion, line: 1, column: 10, "unsupported cassette version format: 3")
        expectFailure(
            "version: ~\n", .unsupportedVersion, line: 1, column: 10, "unsupported cassette version format: 0")
    }

    @Test func missingVersion() {
        expectFailure(
            "---\ninteractions: []\n", .unsupportedVersion, line: 2, column: 1, "unsupported cassette version format: 0"
        )
    }

    @Test func versionIsASequence() {
        expectFailure(
            "version: [2]\n", .unexpectedNode, line: 1, column: 10,
            "expected the integer 2 for `version`, found a sequence")
    }

    // MARK: Duplicate keys

    @Test func duplicateKeys() {
        expectFailure("version: 2\nversion: 2\n", .syntax, line: 2, column: 1, "found the key `version` a second time")
        expectFailure(
            "version: 2\ninteractions:\n- request:\n    method: GET\n    url: x\n    method: PUT\n", .syntax, line: 6,
            column: 5,
            "found the key `method` a second time")
        expectFailure(
            "version: 2\ninteractions:\n- request:\n    headers:\n      Accept: [a]\n      Accept: [b]\n", .syntax,
            line: 6, column: 7,
            "found the key `Accept` a second time")
        expectFailure(
            "version: 2\nextra: 1\nextra: 2\n", .syntax, line: 3, column: 1, "found the key `extra` a second time")
    }

    // MARK: Anchors, aliases and nesting

    @Test func anchor() {
        expectFailure("version: 2\ninteractions:\n- id: &first 0\n", .alias, line: 3, column: 7, "anchor `&first`")
    }

    @Test func alias() {
        expectFailure("version: 2\ninteractions:\n- request: *shared\n", .alias, line: 3, column: 12, "alias `*shared`")
    }

    @Test func billionLaughs() {
        var yaml = "version: 2\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for (previous, name) in zip(names, names.dropFirst()) {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        yaml += "interactions: [*i]\n"
        expectFailure(yaml, .alias, line: 2, column: 4, "anchor `&a`")
    }

    @Test func deepFlowSequences() {
        let depth = 100_000
        let yaml =
            "version: 2\nx: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        // The root mapping is level 1, so the 64th bracket is the 65th level.
        expectFailure(yaml, .tooDeep, line: 2, column: 4 + 63, "nested more than 64 levels")
    }

    @Test func deepFlowMappings() {
        let depth = 100_000
        let yaml =
            "version: 2\nx: " + String(repeating: "{a: ", count: depth) + "b" + String(repeating: "}", count: depth)
            + "\n"
        expectFailure(yaml, .tooDeep, line: 2, column: 4 + 4 * 63, "nested more than 64 levels")
    }

    @Test func deepBlockSequences() {
        let depth = 100_000
        let yaml = "version: 2\nx:\n" + String(repeating: "- ", count: depth) + "a\n"
        expectFailure(yaml, .tooDeep, line: 3, column: 1 + 2 * 63, "nested more than 64 levels")
    }

    // MARK: Documents

    @Test func emptyFile() {
        expectFailure(Data(), .unexpectedNode, line: 1, column: 1, phrases: ["found an empty file"])
    }

    @Test func onlyComments() {
        expectFailure("# nothing here\n\n", .unexpectedNode, line: 3, column: 1, "found no YAML document")
    }

    @Test func emptyDocument() {
        expectFailure("---\n", .unexpectedNode, line: 2, column: 1, "found an empty value")
    }

    @Test func secondDocument() {
        expectFailure(
            "---\nversion: 2\ninteractions: []\n---\nversion: 2\n", .unexpectedNode, line: 4, column: 1,
            "found a second YAML document")
    }

    // MARK: Files

    private func expectFileFailure(_ url: URL, _ phrase: String, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try Cassette(contentsOf: url)
            Issue.record("expected an I/O error", sourceLocation: sourceLocation)
        } catch {
            #expect(error.kind == .io, sourceLocation: sourceLocation)
            #expect(error.line == 0 && error.column == 0, sourceLocation: sourceLocation)
            #expect(error.description == "\(error.path): \(error.message)", sourceLocation: sourceLocation)
            #expect(error.path == (url.isFileURL ? url.path : url.absoluteString), sourceLocation: sourceLocation)
            #expect(error.message.contains(phrase), "\(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func directory() {
        expectFileFailure(PackageFiles.corpus, "found a directory")
    }

    @Test func missingFile() {
        expectFileFailure(PackageFiles.corpus.appendingPathComponent("no-such-cassette.yaml"), "found no file")
        expectFileFailure(
            PackageFiles.packageRoot.appendingPathComponent("Package.swift/cassette.yaml"), "found no file")
    }

    @Test func notAFileURL() throws {
        expectFileFailure(try #require(URL(string: "https://example.com/cassette.yaml")), "expected a file URL")
    }

    @Test func fileErrorsNameTheFile() throws {
        let url = PackageFiles.packageRoot.appendingPathComponent("Package.swift")
        do {
            _ = try Cassette(contentsOf: url)
            Issue.record("Package.swift is not a cassette")
        } catch {
            #expect(error.path == url.path)
            #expect(error.description.hasPrefix("\(url.path):1:1: "))
        }
    }

    /// Writes `bytes` to a new temporary file, runs `body` on it, and removes it.
    private func withTemporaryFile(_ bytes: Data, _ body: (URL) throws -> Void) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("read-\(UUID().uuidString).yaml")
        try bytes.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        try body(url)
    }

    @Test func emptyFileOnDisk() throws {
        try withTemporaryFile(Data()) { url in
            #expect(
                throws: CassetteError(
                    .unexpectedNode, path: url.path, line: 1, column: 1,
                    message: "found an empty file; expected a cassette: a mapping with `version: 2` and `interactions`")
            ) {
                try Cassette(contentsOf: url)
            }
        }
    }

    @Test func invalidUTF8FarIntoAFile() throws {
        // Past libyaml's first 16 KB chunk, so the position is counted from the file again.
        var yaml = Data("version: 2\ninteractions:\n- request:\n    body: |\n".utf8)
        for line in 0..<2_000 { yaml.append(contentsOf: "      line \(line) of the body\n".utf8) }
        yaml.append(contentsOf: "      é then ".utf8)
        yaml.append(contentsOf: [0xC3, 0x28, 0x0A])
        try withTemporaryFile(yaml) { url in
            do throws(CassetteError) {
                _ = try Cassette(contentsOf: url)
                Issue.record("expected invalid UTF-8 to fail")
            } catch {
                #expect(error.kind == .syntax)
                #expect(error.line == 2_005 && error.column == 15, "\(error)")
                #expect(error.message.contains("invalid trailing UTF-8 octet"))
                #expect(
                    readingError(yaml)
                        == CassetteError(
                            error.kind, path: "test.yaml", line: error.line, column: error.column,
                            message: error.message))
            }
        }
    }

    // MARK: Damaged real files

    @Test(arguments: [
        "fantasy/TestGoogleCommon/gemini-2.5-flash/simple_streaming.yaml",
        "fantasy/TestBedrockCommon/bedrock-anthropic-claude-haiku-4-5/simple_streaming.yaml",
        "generated/gen_7_0053.yaml",
    ])
    func everyTruncationEitherReadsOrFails(file: String) throws {
        let data = try Data(contentsOf: Corpus.file(file))
        for length in stride(from: 0, to: data.count, by: 37) {
            if let error = readingError(data.prefix(length)) {
                #expect(error.line > 0 && error.column > 0, "\(error)")
            }
        }
    }

    @Test func everyCorruptedByteEitherReadsOrFails() throws {
        let data = try Data(contentsOf: Corpus.file("generated/gen_7_0001.yaml"))
        for (offset, replacement) in zip(
            stride(from: 0, to: data.count, by: 11),
            [UInt8]([0x00, 0xFF, 0x22, 0x27, 0x3A, 0x2D, 0x0A, 0x26, 0x2A, 0x21, 0x7C, 0x09]).cycled())
        {
            var corrupted = data
            corrupted[offset] = replacement
            if let error = readingError(corrupted) {
                #expect(error.line > 0 && error.column > 0, "\(error)")
            }
        }
    }
}

extension Array {
    /// The elements repeated without end.
    fileprivate func cycled() -> some Sequence<Element> {
        sequence(state: 0) { index in
            defer { index = (index + 1) % count }
            return self[index]
        }
    }
}

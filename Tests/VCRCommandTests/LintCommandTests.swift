import Foundation
import Testing

@testable import VCRCommand

@Suite struct LintCommandTests {
    /// A readable cassette with three mistakes a reader lets through: line 21 holds a
    /// `code` that disagrees with its `status`, line 23 an id out of order, line 30 a
    /// relative `url`.
    static let mistaken = """
        ---
        version: 2
        interactions:
        - id: 0
          request:
            proto: HTTP/1.1
            proto_major: 1
            proto_minor: 1
            content_length: 0
            host: ""
            url: https://example.com/a
            method: GET
          response:
            proto: HTTP/1.1
            proto_major: 1
            proto_minor: 1
            content_length: 2
            body: hi
            headers: {}
            status: 404 Not Found
            code: 200
            duration: 1ms
        - id: 2
          request:
            proto: HTTP/1.1
            proto_major: 1
            proto_minor: 1
            content_length: 0
            host: ""
            url: /relative/path
            method: GET
          response:
            proto: HTTP/1.1
            proto_major: 1
            proto_minor: 1
            content_length: 0
            body: ""
            headers: {}
            status: 200 OK
            code: 200
            duration: 1ms

        """

    /// YAML that does not parse: the quoted scalar on line 5 is never closed.
    static let unparsable = """
        ---
        version: 2
        interactions:
        - id: 0
          request: "unclosed

        """

    /// Well-formed YAML with a value of the wrong type on line 6.
    static let mistyped = """
        ---
        version: 2
        interactions:
        - id: 0
          request:
            proto_major: x

        """

    @Test func reportsEveryProblemInADirectoryInSortedOrder() throws {
        try withTemporaryDirectory { directory in
            try FileManager.default.copyItem(atPath: Fixtures.seed.path, toPath: directory + "/good.yaml")
            try write(Self.mistaken, to: directory + "/nested/mistaken.yaml")
            try write(Self.unparsable, to: directory + "/broken.yml")
            try write(Self.mistyped, to: directory + "/wrong-type.yaml")
            try write("version: 2\n", to: directory + "/notes.txt")
            try write(Self.unparsable, to: directory + "/.hidden/ignored.yaml")

            let result = try runVCR(["lint", directory])

            #expect(result.outputLines == [
                "\(directory)/broken.yml:6:1: malformed YAML: found unexpected end of stream while scanning a quoted scalar (at line 5, column 12)",
                "\(directory)/nested/mistaken.yaml:21:11: expected `code` 404 to match `status` \"404 Not Found\", found 200",
                "\(directory)/nested/mistaken.yaml:23:7: expected id 1, found 2: ids count 0, 1, 2… in file order",
                "\(directory)/nested/mistaken.yaml:30:10: expected an absolute URL with a scheme and a host for `url`, found \"/relative/path\"",
                "\(directory)/wrong-type.yaml:6:18: expected an integer for `proto_major`, found `x`",
            ])
            #expect(result.error == "")
            #expect(result.exitCode == .failure)
        }
    }

    @Test func findsNothingInTheCorpusOrTheProjectsCassettes() throws {
        let result = try runVCR(["lint", Fixtures.corpus.path, Fixtures.packageRoot.appendingPathComponent("Cassettes").path])
        #expect(result.output == "")
        #expect(result.error == "")
        #expect(result.exitCode == .success)
    }

    @Test func reportsAMissingPathOnStandardError() throws {
        try withTemporaryDirectory { directory in
            let result = try runVCR(["lint", directory + "/missing.yaml", Fixtures.seed.path])
            #expect(result.output == "")
            #expect(result.error == "\(directory)/missing.yaml: found no file or directory here; expected a cassette file or a directory\n")
            #expect(result.exitCode == .failure)
        }
    }

    @Test func checksAnyFileNamedExplicitly() throws {
        try withTemporaryDirectory { directory in
            try write(Self.mistaken, to: directory + "/mistaken.cassette")
            let result = try runVCR(["lint", directory + "/mistaken.cassette"])
            #expect(result.outputLines.count == 3)
            #expect(result.exitCode == .failure)
        }
    }

    @Test(arguments: [
        ("https://api.openai.com/v1/chat/completions", true),
        ("https://example.com/v1/@&?x=a+%0Ab", true),
        ("http://127.0.0.1:8080/", true),
        ("/v1/chat/completions", false),
        ("", false),
        ("https://", false),
        ("https://exa mple.com/", false),
        ("example.com/path", false),
    ])
    func acceptsOnlyAbsoluteURLs(url: String, isAbsolute: Bool) {
        #expect(CassetteLinter.isAbsoluteURL(url) == isAbsolute)
    }

    @Test(arguments: [("200 OK", 200), ("404 Not Found", 404), ("OK", nil), ("", nil)] as [(String, Int?)])
    func readsTheNumberAStatusStartsWith(status: String, number: Int?) {
        #expect(CassetteLinter.leadingNumber(of: status) == number)
    }
}

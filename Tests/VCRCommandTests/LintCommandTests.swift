import Foundation
import TestSupport
import Testing

@testable import VCRCommand

@Suite struct LintCommandTests {
    /// A readable cassette with three oddities go-vcr accepts, each a warning: line
    /// 21 holds a `code` that disagrees with its `status`, line 23 an id out of
    /// order, line 30 a relative `url`.
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
            try FileManager.default.copyItem(atPath: PackageFiles.seedCassette.path, toPath: directory + "/good.yaml")
            try write(Self.mistaken, to: directory + "/nested/mistaken.yaml")
            try write(Self.unparsable, to: directory + "/broken.yml")
            try write(Self.mistyped, to: directory + "/wrong-type.yaml")
            try write("version: 2\n", to: directory + "/notes.txt")
            try write(Self.unparsable, to: directory + "/.hidden/ignored.yaml")

            let result = try runVCR(["lint", directory])

            #expect(
                result.outputLines == [
                    "\(directory)/broken.yml:6:1: malformed YAML: found unexpected end of stream while scanning a quoted scalar (at line 5, column 12)",
                    "\(directory)/nested/mistaken.yaml:21:11: warning: expected `code` 404 to match `status` \"404 Not Found\", found 200",
                    "\(directory)/nested/mistaken.yaml:23:7: warning: expected id 1, found 2: ids count 0, 1, 2… in file order",
                    "\(directory)/nested/mistaken.yaml:30:10: warning: expected an absolute URL with a scheme and a host for `url`, found \"/relative/path\"",
                    "\(directory)/wrong-type.yaml:6:18: expected an integer for `proto_major`, found `x`",
                ])
            #expect(result.error == "")
            #expect(result.exitCode == .failure)
        }
    }

    /// The real cassettes read, and every response in them can be served.
    @Test func findsNothingInTheCorpusOrTheProjectsCassettes() throws {
        let result = try runVCR([
            "lint", PackageFiles.corpus.appendingPathComponent("fantasy").path,
            PackageFiles.packageRoot.appendingPathComponent("Cassettes").path,
        ])
        #expect(result.output == "")
        #expect(result.error == "")
        #expect(result.exitCode == .success)
    }

    /// The generated corpus holds responses go-vcr reads but no HTTP response can
    /// carry (CR, LF or NUL in a header value): each such file has that error.
    @Test func findsTheUnservableHeadersOfTheGeneratedCorpus() throws {
        let result = try runVCR(["lint", PackageFiles.corpus.appendingPathComponent("generated").path])
        #expect(result.outputLines.count >= 20)
        for line in result.outputLines {
            #expect(line.contains(" in a value of the header `"), "\(line)")
            #expect(
                line.hasSuffix(
                    "; expected header names and values without CR, LF or NUL, which no HTTP message can carry"))
        }
        #expect(result.exitCode == .failure)
    }

    @Test func reportsAMissingPathOnStandardError() throws {
        try withTemporaryDirectory { directory in
            let result = try runVCR(["lint", directory + "/missing.yaml", PackageFiles.seedCassette.path])
            #expect(result.output == "")
            #expect(
                result.error
                    == "\(directory)/missing.yaml: found no file or directory here; expected a cassette file or a directory\n"
            )
            #expect(result.exitCode == .failure)
        }
    }

    @Test func checksAnyFileNamedExplicitly() throws {
        try withTemporaryDirectory { directory in
            try write(Self.mistaken, to: directory + "/mistaken.cassette")
            let result = try runVCR(["lint", directory + "/mistaken.cassette"])
            #expect(result.outputLines.count == 3)
            #expect(result.exitCode == .success)
        }
    }

    /// Warnings alone exit with 0, or with 1 under `--strict`; the output is the same.
    @Test func warningsFailOnlyWhenStrict() throws {
        try withTemporaryDirectory { directory in
            try write(Self.mistaken, to: directory + "/mistaken.yaml")
            let lenient = try runVCR(["lint", directory])
            let strict = try runVCR(["lint", "--strict", directory])
            #expect(lenient.outputLines.count == 3)
            #expect(lenient.outputLines.allSatisfy { $0.contains(": warning: ") })
            #expect(lenient.exitCode == .success)
            #expect(strict.output == lenient.output)
            #expect(strict.exitCode == .failure)
            let clean = try runVCR(["lint", "--strict", PackageFiles.seedCassette.path])
            #expect(clean.output == "")
            #expect(clean.exitCode == .success)
        }
    }

    /// What go-vcr accepts and real cassettes hold: ids that repeat or go back
    /// (`21, 21, 22`, `…9, 7`) and a Docker socket URL with no host.
    static let goVCRAccepts = """
        version: 2
        interactions:
        - id: 0
          request: {url: "http:///var/run/docker.sock/_ping", method: GET}
          response: {status: 200 OK, code: 200}
        - id: 0
          request: {url: "https://example.com/a", method: GET}
          response: {status: 200 OK, code: 200}
        - id: 1
          request: {url: "https://example.com/b", method: GET}
          response: {status: 200 OK, code: 200}

        """

    @Test func whatGoVCRAcceptsIsOnlyWarned() throws {
        try withTemporaryDirectory { directory in
            try write(Self.goVCRAccepts, to: directory + "/docker.yaml")
            let result = try runVCR(["lint", directory])
            #expect(
                result.outputLines == [
                    "\(directory)/docker.yaml:4:18: warning: expected an absolute URL with a scheme and a host for `url`, found \"http:///var/run/docker.sock/_ping\"",
                    "\(directory)/docker.yaml:6:7: warning: expected id 1, found 0: ids count 0, 1, 2… in file order",
                    "\(directory)/docker.yaml:9:7: warning: expected id 2, found 1: ids count 0, 1, 2… in file order",
                ])
            #expect(result.exitCode == .success)
        }
    }

    /// Responses replay cannot serve are errors, at the place in the file.
    @Test(arguments: [
        (
            "  response:\n    headers:\n      Set-Cookie: [\"a\\r\\nX-Injected: 1\"]\n    code: 200\n",
            "7:20: found a carriage return (CR) in a value of the header `Set-Cookie`; "
                + "expected header names and values without CR, LF or NUL, which no HTTP message can carry"
        ),
        (
            "  response:\n    headers:\n      \"X-A\\0\": [a]\n    code: 200\n",
            "7:7: found a NUL character in the header name `X-A\\0`; "
                + "expected header names and values without CR, LF or NUL, which no HTTP message can carry"
        ),
        (
            "  response: {status: 700 Odd, code: 700}\n",
            "5:37: found the status code 700 for `code`; expected an HTTP status code from 100 to 599"
        ),
        (
            "  response: {status: 200 OK}\n",
            "5:13: expected a response with a `code` from 100 to 599, found none: replay cannot serve interaction 0"
        ),
        (
            "",
            "3:3: expected a response with a `code` from 100 to 599, found none: replay cannot serve interaction 0"
        ),
    ])
    func anUnservableResponseIsAnError(response: String, problem: String) throws {
        try withTemporaryDirectory { directory in
            let yaml =
                "version: 2\ninteractions:\n- id: 0\n  request: {url: \"https://example.com/\", method: GET}\n"
                + response
            try write(yaml, to: directory + "/bad.yaml")
            let result = try runVCR(["lint", directory + "/bad.yaml"])
            #expect(result.outputLines == ["\(directory)/bad.yaml:\(problem)"])
            #expect(result.exitCode == .failure)
        }
    }

    /// A FIFO, socket or device is named as what it is, at once (a FIFO with no
    /// writer would otherwise block the read forever), and other files are still linted.
    @Test(.timeLimit(.minutes(1))) func namesAFIFOOrADevice() throws {
        try withTemporaryDirectory { directory in
            #expect(mkfifo(directory + "/pipe.yaml", 0o600) == 0)
            try write(Self.goVCRAccepts, to: directory + "/z.yaml")
            let result = try runVCR(["lint", "--strict", directory, "/dev/null"])
            #expect(
                result.outputLines == [
                    "\(directory)/pipe.yaml: found a FIFO (named pipe); expected a cassette file",
                    "\(directory)/z.yaml:4:18: warning: expected an absolute URL with a scheme and a host for `url`, found \"http:///var/run/docker.sock/_ping\"",
                    "\(directory)/z.yaml:6:7: warning: expected id 1, found 0: ids count 0, 1, 2… in file order",
                    "\(directory)/z.yaml:9:7: warning: expected id 2, found 1: ids count 0, 1, 2… in file order",
                    "/dev/null: found a character device; expected a cassette file",
                ])
            #expect(result.exitCode == .failure)
        }
    }

    /// The other commands refuse a FIFO too, instead of waiting on it.
    @Test(.timeLimit(.minutes(1)), arguments: [["fmt"], ["fmt", "--check"], ["dump"], ["show"]])
    func otherCommandsRefuseAFIFO(command: [String]) throws {
        try withTemporaryDirectory { directory in
            #expect(mkfifo(directory + "/pipe.yaml", 0o600) == 0)
            let result = try runVCR(command + [directory + "/pipe.yaml"])
            #expect(
                result.error.contains(
                    "\(directory)/pipe.yaml: found a FIFO (named pipe); expected a readable cassette file"))
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

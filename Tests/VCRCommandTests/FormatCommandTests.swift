import Foundation
import TestSupport
import Testing
import VCRCassette

@testable import VCRCommand

@Suite struct FormatCommandTests {
    /// A cassette go-vcr would write differently: single-quoted `host`, keys out of
    /// order, header names unsorted, `body` missing from the response.
    static let unformatted = """
        ---
        version: 2
        interactions:
        - id: 0
          request:
            proto: HTTP/1.1
            proto_major: 1
            proto_minor: 1
            content_length: 0
            host: ''
            headers:
              User-Agent:
              - test
              Accept:
              - application/json
            method: GET
            url: https://example.com/a
          response:
            proto: HTTP/1.1
            proto_major: 1
            proto_minor: 1
            content_length: 2
            headers: {}
            status: 200 OK
            code: 200
            duration: 1ms

        """

    /// ``unformatted`` as go-vcr writes it.
    static let formatted = """
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
            headers:
              Accept:
              - application/json
              User-Agent:
              - test
            url: https://example.com/a
            method: GET
          response:
            proto: HTTP/1.1
            proto_major: 1
            proto_minor: 1
            content_length: 2
            body: ""
            headers: {}
            status: 200 OK
            code: 200
            duration: 1ms

        """

    @Test func checkFindsNothingToChangeInTheCorpus() throws {
        let result = try runVCR(["fmt", "--check", PackageFiles.corpus.path])
        #expect(result.output == "")
        #expect(result.error == "")
        #expect(result.exitCode == .success)
    }

    @Test func checkListsWhatWouldChangeAndWritesNothing() throws {
        try withTemporaryDirectory { directory in
            let unformatted = directory + "/b-unformatted.yaml"
            try write(Self.unformatted, to: unformatted)
            try FileManager.default.copyItem(
                atPath: PackageFiles.seedCassette.path, toPath: directory + "/a-formatted.yaml")

            let result = try runVCR(["fmt", "--check", directory])

            #expect(result.outputLines == [unformatted])
            #expect(result.exitCode == .failure)
            #expect(try String(contentsOfFile: unformatted, encoding: .utf8) == Self.unformatted)
        }
    }

    @Test func rewritesTheTargetOfASymbolicLinkAndKeepsTheLinkAndThePermissions() throws {
        try withTemporaryDirectory { directory in
            let target = directory + "/real.yaml"
            let link = directory + "/link.yaml"
            try write(Self.unformatted, to: target)
            try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: target)
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.yaml")

            let result = try runVCR(["fmt", link])

            #expect(result.exitCode == .success)
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.yaml")
            #expect(try String(contentsOfFile: target, encoding: .utf8) == Self.formatted)
            #expect(try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int == 0o640)
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["link.yaml", "real.yaml"])
        }
    }

    @Test func rewritesOnlyFilesWhoseBytesChange() throws {
        try withTemporaryDirectory { directory in
            let unformatted = directory + "/unformatted.yaml"
            let formatted = directory + "/formatted.yaml"
            try write(Self.unformatted, to: unformatted)
            try FileManager.default.copyItem(atPath: PackageFiles.seedCassette.path, toPath: formatted)
            let formattedFileNumber = try fileNumber(formatted)

            let result = try runVCR(["fmt", unformatted, formatted])

            #expect(result.output == "")
            #expect(result.error == "")
            #expect(result.exitCode == .success)
            #expect(try String(contentsOfFile: unformatted, encoding: .utf8) == Self.formatted)
            #expect(try fileNumber(formatted) == formattedFileNumber, "an unchanged file is not replaced")
            #expect(
                try Data(contentsOf: URL(fileURLWithPath: formatted)) == Data(contentsOf: PackageFiles.seedCassette))
        }
    }

    @Test(arguments: [(PackageFiles.seedCassette, "indented"), (Fixtures.generated, "compact")])
    func switchesStyleAndBackToTheOriginalBytes(cassette: URL, otherStyle: String) throws {
        try withTemporaryDirectory { directory in
            let copy = directory + "/" + cassette.lastPathComponent
            try FileManager.default.copyItem(atPath: cassette.path, toPath: copy)
            let original = try Data(contentsOf: cassette)
            let originalStyle = otherStyle == "indented" ? "compact" : "indented"

            #expect(try runVCR(["fmt", "--style", otherStyle, copy]).exitCode == .success)
            let restyled = try Data(contentsOf: URL(fileURLWithPath: copy))
            #expect(restyled != original)
            let firstItem = otherStyle == "indented" ? "    - id: 0\n" : "- id: 0\n"
            #expect(String(decoding: restyled, as: UTF8.self).hasPrefix("---\nversion: 2\ninteractions:\n" + firstItem))
            #expect(try Cassette(yaml: restyled).interactions == Cassette(yaml: original).interactions)

            let check = try runVCR(["fmt", "--check", "--style", originalStyle, copy])
            #expect(check.outputLines == [copy])
            #expect(check.exitCode == .failure)

            #expect(try runVCR(["fmt", "--style", originalStyle, copy]).exitCode == .success)
            #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == original)
        }
    }

    @Test func reportsAnUnreadableCassetteAndGoesOn() throws {
        try withTemporaryDirectory { directory in
            let broken = directory + "/a-broken.yaml"
            let unformatted = directory + "/b-unformatted.yaml"
            try write(LintCommandTests.unparsable, to: broken)
            try write(Self.unformatted, to: unformatted)

            let result = try runVCR(["fmt", directory])

            #expect(
                result.error == broken
                    + ":6:1: malformed YAML: found unexpected end of stream while scanning a quoted scalar (at line 5, column 12)\n"
            )
            #expect(result.exitCode == .failure)
            #expect(try String(contentsOfFile: unformatted, encoding: .utf8) == Self.formatted)
        }
    }

    /// A goccy-written cassette keeps its style; `--style` converts it and back.
    @Test(arguments: [("goccy", "goccy"), ("xvcr-rc6", "folded")])
    func keepsAndConvertsTheNewStyles(folder: String, style: String) throws {
        let fixture = PackageFiles.packageRoot.appendingPathComponent(
            "Tests/Fixtures/writers/\(folder)/fantasy_TestAnthropicCommon_claude-sonnet-4_multi_tool_streaming.yaml")
        try withTemporaryDirectory { directory in
            let copy = directory + "/cassette.yaml"
            try FileManager.default.copyItem(atPath: fixture.path, toPath: copy)
            let original = try Data(contentsOf: fixture)

            #expect(try runVCR(["fmt", "--check", copy]).exitCode == .success)
            #expect(try runVCR(["fmt", "--style", "compact", copy]).exitCode == .success)
            let compact = try Data(contentsOf: URL(fileURLWithPath: copy))
            #expect(compact != original)
            #expect(try Cassette(yaml: compact).interactions == Cassette(yaml: original).interactions)

            #expect(try runVCR(["fmt", "--style", style, copy]).exitCode == .success)
            #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == original)
        }
    }

    /// fmt reads and replaces a cassette under the lock every save takes, so what a
    /// second writer appends meanwhile (under that lock) is never lost.
    @Test func keepsWhatAnotherWriterAppendsMeanwhile() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/shared.yaml"
            try write(Self.formatted, to: path)
            let url = URL(fileURLWithPath: path)
            let appends = 100
            let done = DispatchSemaphore(value: 0)
            let formatted = DispatchSemaphore(value: 0)
            Thread {
                defer { done.signal() }
                for number in 0..<appends {
                    // Every tenth append waits for one more fmt run, so runs and
                    // appends interleave however fast the machine is.
                    if number % 10 == 0 { _ = formatted.wait(timeout: .now() + 60) }
                    let added = Interaction(
                        id: 0, request: RecordedRequest(url: "https://example.com/added/\(number)"),
                        response: RecordedResponse())
                    try? CassetteFile.withLock(url) { file throws(CassetteError) in
                        let yaml = try Cassette.appending([added], toFile: file.contents() ?? Data(), path: path).yaml
                        try file.replace(with: yaml)
                    }
                }
            }.start()

            var runs = 0
            repeat {
                // Each run changes the style, so each one rewrites the file.
                let result = try runVCR(["fmt", "--style", runs % 2 == 0 ? "indented" : "compact", path])
                #expect(result.exitCode == .success, "\(result.error)")
                runs += 1
                formatted.signal()
            } while done.wait(timeout: .now()) == .timedOut

            let saved = try Cassette(contentsOf: url)
            #expect(
                saved.interactions.map(\.request.url).dropFirst()
                    == (0..<appends).map { "https://example.com/added/\($0)" }[...])
            #expect(saved.interactions.map(\.id) == Array(0...appends))
            #expect(runs >= appends / 10)
        }
    }

    @Test func rejectsAnUnknownStyle() {
        #expect(throws: (any Error).self) { try VCRCommand.parseAsRoot(["fmt", "--style", "tabs", "x.yaml"]) }
    }

    private func fileNumber(_ path: String) throws -> UInt64? {
        try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? UInt64
    }
}

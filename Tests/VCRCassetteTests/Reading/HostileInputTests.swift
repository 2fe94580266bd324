import Foundation
import Testing

@testable import VCRCassette

/// Input built to hurt a reader: paths that are not files, mappings with huge
/// numbers of keys, and responses no HTTP response can carry.
@Suite(.timeLimit(.minutes(1))) struct HostileInputTests {
    /// Runs `body` with a new empty directory that is removed afterwards.
    private func withDirectory(_ body: (String) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "vcr-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try body(directory.path)
    }

    private func expectRefusal(at path: String, found: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = CassetteError(.io, path: path, message: "found \(found); expected a cassette file")
        #expect(throws: expected, sourceLocation: sourceLocation) {
            _ = try Cassette(contentsOf: URL(fileURLWithPath: path))
        }
        #expect(throws: expected, sourceLocation: sourceLocation) {
            _ = try Cassette.outlined(contentsOf: URL(fileURLWithPath: path))
        }
    }

    // MARK: Paths that are not files

    /// A FIFO with no writer would block `open` forever; it is refused at once.
    @Test func aFIFOIsRefusedWithoutWaitingForAWriter() throws {
        try withDirectory { directory in
            let fifo = directory + "/pipe.yaml"
            #expect(mkfifo(fifo, 0o600) == 0)
            expectRefusal(at: fifo, found: "a FIFO (named pipe)")
            // Through a symbolic link too.
            let link = directory + "/link.yaml"
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: fifo)
            expectRefusal(at: link, found: "a FIFO (named pipe)")
        }
    }

    @Test func aSocketIsRefused() throws {
        try withDirectory { directory in
            let path = directory + "/socket.yaml"
            let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            #expect(descriptor >= 0)
            defer { close(descriptor) }
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { buffer in
                for (offset, byte) in path.utf8.prefix(buffer.count - 1).enumerated() { buffer[offset] = byte }
            }
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                }
            }
            #expect(bound == 0)
            expectRefusal(at: path, found: "a socket")
        }
    }

    /// `/dev/zero` would be read forever and `/dev/tty` could block; devices are refused unopened.
    @Test func aDeviceIsRefused() {
        expectRefusal(at: "/dev/zero", found: "a character device")
        expectRefusal(at: "/dev/null", found: "a character device")
    }

    // MARK: Many keys

    /// `count` distinct spellings, `key0`, `key1`, …
    private func spellingWork(_ count: Int) -> Int {
        var set = SpellingSet()
        for number in 0..<count {
            let added = Array("key\(number)".utf8).withUnsafeBufferPointer { set.insert($0) }
            precondition(added)
        }
        return set.probes
    }

    /// The work of remembering unknown keys grows linearly: ten times the keys,
    /// about ten times the slots examined, some 3 or 4 a key (a list searched from the start each
    /// time would do a hundred times the work, some 5,000,000,000 comparisons for 100,000 keys).
    @Test func rememberingUnknownKeysIsLinear() {
        let small = spellingWork(10_000)
        let large = spellingWork(100_000)
        #expect(small <= 6 * 10_000)
        #expect(large <= 6 * 100_000)
        #expect(Double(large) / Double(small) < 12)
    }

    @Test func aSpellingSetTellsNewSpellingsFromSeenOnes() {
        var set = SpellingSet()
        func insert(_ text: String) -> Bool { Array(text.utf8).withUnsafeBufferPointer { set.insert($0) } }
        #expect(insert("a"))
        #expect(insert("ab"))
        #expect(insert(""))
        #expect(!insert("a"))
        #expect(!insert(""))
        #expect(!insert("ab"))
        for number in 0..<1_000 { #expect(insert("k\(number)")) }
        #expect(!insert("k999"))
        #expect(set.count == 1_003)
    }

    /// A 1 MB file of 100,000 distinct unknown keys in one mapping reads, and a
    /// key given twice among them is still found, at its place.
    @Test func aMappingWithAHundredThousandUnknownKeysReads() throws {
        var yaml = "version: 2\ninteractions:\n- id: 0\n  request:\n"
        for number in 0..<100_000 { yaml += "    x\(number): 1\n" }
        yaml += "    url: https://example.com/\n"
        #expect(yaml.utf8.count > 1_000_000)
        let cassette = try readCassette(yaml)
        #expect(cassette.interactions.map(\.request.url) == ["https://example.com/"])

        let repeated = yaml + "    x77777: 2\n"
        #expect(
            readingError(repeated)
                == CassetteError(
                    .syntax, path: "test.yaml", line: 100_006, column: 5,
                    message: "found the key `x77777` a second time in one mapping; expected each key once"))
    }

    // MARK: Responses no HTTP response can carry

    private static func cassette(response: String) -> String {
        "version: 2\ninteractions:\n- id: 0\n  request: {url: \"https://example.com/\"}\n  response:\n\(response)"
    }

    /// The error reading `yaml` for replay throws, or nil when it reads.
    private func servingError(_ yaml: String) -> CassetteError? {
        do {
            _ = try Cassette.outlined(yaml: Data(yaml.utf8), path: "test.yaml", requiringServableResponses: true)
            return nil
        } catch {
            return error
        }
    }

    private static let headerRule =
        "; expected header names and values without CR, LF or NUL, which no HTTP message can carry"

    @Test(arguments: [
        ("    headers:\n      X-A: [\"a\\nb\"]\n", 7, 13, "found a line feed (LF) in a value of the header `X-A`"),
        (
            "    headers:\n      X-A: [ok, \"a\\rb\"]\n", 7, 17,
            "found a carriage return (CR) in a value of the header `X-A`"
        ),
        ("    headers:\n      X-A: [\"a\\0b\"]\n", 7, 13, "found a NUL character in a value of the header `X-A`"),
        (
            "    headers:\n      \"X-\\r\\nA\": [a]\n", 7, 7,
            "found a carriage return (CR) in the header name `X-\\r\\nA`"
        ),
        // base64 of "a\nb", so the reader checks decoded text.
        ("    headers:\n      X-B: [!!binary YQpi]\n", 7, 13, "found a line feed (LF) in a value of the header `X-B`"),
        ("    trailer:\n      X-T: [\"a\\nb\"]\n", 7, 13, "found a line feed (LF) in a value of the header `X-T`"),
    ])
    func aResponseHeaderWithCRLFOrNULIsAnErrorWhereItIs(response: String, line: Int, column: Int, message: String)
        throws
    {
        let yaml = Self.cassette(response: response)
        #expect(
            servingError(yaml)
                == CassetteError(
                    .invalidValue, path: "test.yaml", line: line, column: column, message: message + Self.headerRule))
        // go-vcr reads such a file, and so does reading it to rewrite it.
        #expect(readingError(yaml) == nil)
    }

    @Test(arguments: [0, 99, 600, 1_000, -200])
    func aStatusCodeOutsideHTTPsIsAnErrorWhereItIs(code: Int) {
        let yaml = Self.cassette(response: "    code: \(code)\n")
        #expect(
            servingError(yaml)
                == CassetteError(
                    .invalidValue, path: "test.yaml", line: 6, column: 11,
                    message: "found the status code \(code) for `code`; expected an HTTP status code from 100 to 599"))
        #expect(readingError(yaml) == nil)
    }

    @Test(arguments: [100, 200, 599])
    func everyHTTPStatusCodeReads(code: Int) {
        #expect(servingError(Self.cassette(response: "    code: \(code)\n")) == nil)
    }

    /// Request headers are never sent anywhere by replay; they keep what go-vcr recorded.
    @Test func aRequestHeaderMayHoldALineFeed() {
        let yaml = "version: 2\ninteractions:\n- id: 0\n  request:\n    headers:\n      X-A: [\"a\\nb\"]\n"
        #expect(servingError(yaml) == nil)
    }
}

import Foundation
import Testing
import VCR
import VCRCassette

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What a VCR does with cassettes no HTTP response can come from: a FIFO or
/// device where the file belongs, and responses no `HTTPURLResponse` can carry,
/// whether read from a file or built in code.
@Suite(.timeLimit(.minutes(1))) struct HostileCassetteTests {
    private var itemsURL: URL { URL(string: "https://api.example.com/items")! }

    /// Runs `body` with a new empty directory that is removed afterwards.
    private func withDirectory(_ body: (String) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "vcr-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try body(directory.path)
    }

    /// A FIFO is refused at once in every mode, none of which waits for a writer
    /// or writes over it; a character device likewise.
    @Test(arguments: [VCR.Mode.never, .missing, .newEpisodes, .all])
    func aFIFOOrDeviceIsRefusedAtOnce(mode: VCR.Mode) throws {
        try withDirectory { directory in
            let fifo = directory + "/pipe.yaml"
            #expect(mkfifo(fifo, 0o600) == 0)
            #expect(
                throws: CassetteError(.io, path: fifo, message: "found a FIFO (named pipe); expected a cassette file")
            ) {
                _ = try VCR(cassette: fifo, mode: mode)
            }
            var status = stat()
            #expect(stat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
            #expect(
                throws: CassetteError(
                    .io, path: "/dev/null", message: "found a character device; expected a cassette file")
            ) {
                _ = try VCR(cassette: "/dev/null", mode: mode)
            }
        }
    }

    /// What is at a cassette's path but cannot be read as one is an error in
    /// the modes that record a missing cassette, never taken for a missing
    /// cassette to record over: a directory, and a file that is no cassette.
    @Test(arguments: [VCR.Mode.missing, .newEpisodes])
    func anUnreadableCassetteIsNotTakenForAMissingOne(mode: VCR.Mode) throws {
        try withDirectory { directory in
            let folder = directory + "/folder.yaml"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
            #expect(throws: CassetteError(.io, path: folder, message: "found a directory; expected a cassette file")) {
                _ = try VCR(cassette: folder, mode: mode)
            }
            let notACassette = directory + "/notes.yaml"
            let bytes = Data("- just\n- a list\n".utf8)
            try bytes.write(to: URL(fileURLWithPath: notACassette))
            #expect(throws: CassetteError.self) {
                _ = try VCR(cassette: notACassette, mode: mode)
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: notACassette)) == bytes)
        }
    }

    /// A cassette file whose response header holds a line feed is refused when
    /// opened, at the value's line and column, without the value in the message.
    @Test func aFileWithAnUnservableResponseIsRefusedWhereItIs() throws {
        let yaml = """
            version: 2
            interactions:
            - id: 0
              request: {url: "https://api.example.com/items", method: GET}
              response:
                headers:
                  Set-Cookie: ["session=secret\\r\\nX-Injected: 1"]
                code: 200

            """
        try withDirectory { directory in
            let path = directory + "/split.yaml"
            try Data(yaml.utf8).write(to: URL(fileURLWithPath: path))
            #expect(
                throws: CassetteError(
                    .invalidValue, path: path, line: 7, column: 20,
                    message: "found a carriage return (CR) in a value of the header `Set-Cookie`; "
                        + "expected header names and values without CR, LF or NUL, which no HTTP message can carry"
                )
            ) {
                _ = try VCR(cassette: path, mode: .never)
            }
            // Read only to be rewritten, the file is taken as go-vcr takes it.
            #expect(try Cassette(contentsOf: URL(fileURLWithPath: path)).interactions.count == 1)
        }
    }

    /// A status code outside 100–599 in a file is refused when opened.
    @Test func aFileWithAStatusCodeOutsideHTTPsIsRefused() throws {
        try withDirectory { directory in
            let path = directory + "/code.yaml"
            try Data("version: 2\ninteractions:\n- id: 0\n  response: {code: 600}\n".utf8)
                .write(to: URL(fileURLWithPath: path))
            #expect(
                throws: CassetteError(
                    .invalidValue, path: path, line: 4, column: 20,
                    message: "found the status code 600 for `code`; expected an HTTP status code from 100 to 599"
                )
            ) {
                _ = try VCR(cassette: path, mode: .never)
            }
        }
    }

    /// An interaction built in code with CR, LF or NUL in a response header, or
    /// a status code outside 100–599, fails its request with an error saying
    /// why; the next interaction is served as usual.
    @Test(
        arguments: [
            (["X-Split": ["a\r\nSet-Cookie: b"]], 200, "a value of its header `X-Split` holds a carriage return (CR)"),
            (["X-Split\n": ["a"]], 200, "the name of its header `X-Split\\n` holds a line feed (LF)"),
            (["X-Nul": ["a\0b"]], 200, "a value of its header `X-Nul` holds a NUL character"),
            (["Content-Type": ["text/plain"]], 0, "its status code 0 is outside 100–599"),
            (["Content-Type": ["text/plain"]], 1000, "its status code 1000 is outside 100–599"),
        ] as [([String: [String]], Int, String)])
    func anUnservableResponseBuiltInCodeFailsItsRequest(headers: [String: [String]], code: Int, reason: String)
        async throws
    {
        var bad = Fixtures.interaction(0, headers: headers)
        bad.response.code = code
        let vcr = VCR(
            cassette: Cassette(interactions: [bad, Fixtures.interaction(1, body: "fine")]),
            path: "/cassettes/hostile.yaml", options: Fixtures.quiet)
        await #expect {
            _ = try await vcr.session.data(for: URLRequest(url: itemsURL))
        } throws: { error in
            (error as? ReplayError)?.description
                == "VCR: GET https://api.example.com/items matched interaction 0, whose response cannot be served: "
                + "\(reason). Fix the interaction (`vcr lint` reports such responses in cassette files)."
        }
        let (data, response) = try await vcr.session.data(for: URLRequest(url: itemsURL))
        #expect(data == Data("fine".utf8))
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        let report = vcr.stop()
        #expect(report.failedRequests.count == 1)
        #expect(throws: ReplayFailure.self) { try report.check() }
    }
}

import Foundation
import TestSupport
import Testing
import VCR
import VCRCassette

/// Saves from several real processes: the `VCRTestChild` executable, started
/// as child processes.
@Suite struct CrossProcessTests {
    /// The child executable, built beside the tests.
    private static func child() throws -> URL {
        try #require(BuiltExecutable.url(named: "VCRTestChild"), "VCRTestChild is built beside the tests")
    }

    /// Starts the child with `arguments`, its output going to `log`.
    private static func start(_ arguments: [String], log: URL) throws -> Process {
        let process = Process()
        process.executableURL = try child()
        process.arguments = arguments
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        process.standardOutput = output
        process.standardError = output
        try process.run()
        return process
    }

    /// Waits for `process` to end, killing it after `limit`; its exit status,
    /// or nil when it had to be killed.
    private static func wait(for process: Process, limit: Duration) -> Int32? {
        let deadline = ContinuousClock.now + limit
        while process.isRunning, ContinuousClock.now < deadline { usleep(10_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        return process.terminationStatus
    }

    @Test func processesAppendingToOneCassetteKeepEveryInteractionInOrder() async throws {
        try await RecordingSupport.withServerAndFolder { server, folder in
            let cassette = folder.appendingPathComponent("Cassettes/shared.yaml")
            let processes = 3
            let rounds = 20
            let perRound = 3
            let children = try (0..<processes).map { number in
                try Self.start(
                    ["record", cassette.path, server.origin, "p\(number)", "\(rounds)", "\(perRound)"],
                    log: folder.appendingPathComponent("child-\(number).log"))
            }
            for (number, process) in children.enumerated() {
                let status = Self.wait(for: process, limit: .seconds(300))
                let log =
                    (try? String(contentsOf: folder.appendingPathComponent("child-\(number).log"), encoding: .utf8))
                    ?? ""
                #expect(status == 0, "child \(number) ended with \(status.map(String.init) ?? "a timeout"): \(log)")
            }

            let saved = try Cassette(contentsOf: cassette)

            #expect(saved.interactions.count == processes * rounds * perRound)
            #expect(saved.interactions.map(\.id) == Array(0..<saved.interactions.count))
            for number in 0..<processes {
                let expected = (0..<rounds).flatMap { round in
                    (0..<perRound).map { server.url("/p\(number)/\(round)/\($0)").absoluteString }
                }
                // Each process's interactions, in the order it recorded them.
                #expect(saved.interactions.map(\.request.url).filter { $0.contains("/p\(number)/") } == expected)
            }
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: cassette.deletingLastPathComponent().path) == [
                    "shared.yaml"
                ])
            try RecordingSupport.expectValid(cassette)
        }
    }

    @Test func aSaveKilledAtAnyMomentLeavesTheOldOrTheNewFileWhole() async throws {
        try TemporaryFolder.with("vcr-record") { folder in
            let cassettes = folder.appendingPathComponent("Cassettes")
            let target = cassettes.appendingPathComponent("big.yaml")
            let body = Data(String(repeating: "0123456789abcdef", count: 1 << 15).utf8)  // 512 KB
            let versions = [1, 12].map { count in
                Cassette(
                    interactions: (0..<count).map { id in
                        Interaction(
                            id: id, request: RecordedRequest(url: "https://example.com/\(id)"),
                            response: RecordedResponse(contentLength: Int64(body.count), body: body))
                    })
            }
            let bytes = versions.map { $0.yaml() }
            let references = try (0..<2).map { number in
                let url = folder.appendingPathComponent("version-\(number).yaml")
                try bytes[number].write(to: url)
                return url
            }
            try versions[0].write(to: target)

            var strays = 0
            var rounds = 0
            while rounds < 20, strays < 3 {
                rounds += 1
                let process = try Self.start(
                    ["save-loop", target.path, references[0].path, references[1].path],
                    log: folder.appendingPathComponent("loop.log"))
                // Kill it the moment a save has its temporary file open.
                let deadline = ContinuousClock.now + .seconds(60)
                while ContinuousClock.now < deadline, process.isRunning,
                    !(try FileManager.default.contentsOfDirectory(atPath: cassettes.path).contains {
                        $0.hasSuffix(".tmp")
                    })
                {
                    usleep(500)
                }
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                let log = (try? String(contentsOf: folder.appendingPathComponent("loop.log"), encoding: .utf8)) ?? ""
                #expect(process.terminationReason == .uncaughtSignal, "the child died on its own: \(log)")

                let onDisk = try Data(contentsOf: target)
                #expect(onDisk == bytes[0] || onDisk == bytes[1], "round \(rounds): the file is neither version whole")
                if try FileManager.default.contentsOfDirectory(atPath: cassettes.path).contains(where: {
                    $0.hasSuffix(".tmp")
                }) {
                    strays += 1
                }
                // The next save removes what the killed one left.
                try versions[rounds % 2].write(to: target)
                #expect(try FileManager.default.contentsOfDirectory(atPath: cassettes.path) == ["big.yaml"])
                #expect(try Data(contentsOf: target) == bytes[rounds % 2])
            }
            #expect(strays > 0, "no round killed a save while its temporary file existed")
        }
    }
}

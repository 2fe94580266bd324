import Foundation
import TestSupport
import Testing
import VCRCassette

/// `vcr serve` as a child process, used by `curl` and by Python's `urllib`
/// as clients of another language would use it.
@Suite(.serialized) struct ServeCommandTests {
    /// A running `vcr serve` and what it printed.
    final class Served: @unchecked Sendable {
        // @unchecked: `output` is only touched under `lock`.
        let process = Process()
        private let lock = NSLock()
        private var output = Data()
        private let pipe = Pipe()

        init(_ arguments: [String]) throws {
            let executable = try #require(Self.vcrExecutable, "the vcr executable is built beside the tests")
            process.executableURL = executable
            process.arguments = ["serve"] + arguments
            process.standardOutput = pipe
            process.standardError = FileHandle.standardError
            pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let data = handle.availableData
                guard let self else { return }
                self.lock.withLock { self.output.append(data) }
            }
            try process.run()
        }

        var printed: String { lock.withLock { String(decoding: output, as: UTF8.self) } }

        /// The URL on the first line of standard output, waiting up to 30 seconds for it.
        func url() async throws -> String {
            for _ in 0..<300 {
                if let line = printed.split(separator: "\n", omittingEmptySubsequences: false).first,
                    printed.contains("\n")
                {
                    return String(line)
                }
                try await Task.sleep(for: .milliseconds(100))
            }
            throw CancellationError()
        }

        /// Sends SIGINT and waits up to 30 seconds for the process to exit; returns its status.
        func interrupt() async throws -> Int32 {
            process.interrupt()
            for _ in 0..<300 where process.isRunning {
                try await Task.sleep(for: .milliseconds(100))
            }
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            try await Task.sleep(for: .milliseconds(100))
            pipe.fileHandleForReading.readabilityHandler = nil
            return process.terminationStatus
        }

        static var vcrExecutable: URL? {
            BuiltExecutable.url(named: "vcr")
        }
    }

    /// Runs a program to its end (up to 60 seconds) and returns its status and standard output.
    private func run(_ program: String, _ arguments: [String]) async throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        try process.run()
        // Read on a thread of Dispatch's, not of the cooperative pool, which a blocking read would starve.
        let reading = Task {
            await withCheckedContinuation { continuation in
                DispatchQueue.global().async {
                    continuation.resume(returning: output.fileHandleForReading.readDataToEndOfFile())
                }
            }
        }
        for _ in 0..<600 where process.isRunning {
            try await Task.sleep(for: .milliseconds(100))
        }
        if process.isRunning { process.terminate() }
        let data = await reading.value
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }

    private func seed() throws -> Cassette {
        try Cassette(contentsOf: PackageFiles.seedCassette)
    }

    @Test func curlReplaysTheSeedStream() async throws {
        let interaction = try seed().interactions[0]
        let bodyFile = try TemporaryFolder.make("vcr-server").appendingPathComponent("body.json")
        try interaction.request.body.write(to: bodyFile)
        let served = try Served([PackageFiles.seedCassette.path])
        let url = try await served.url()
        #expect(url.hasPrefix("http://127.0.0.1:"))
        let curl = try await run(
            "curl",
            [
                "-sS", "-N", "-X", "POST", url + "/v1/chat/completions", "-H", "Content-Type: application/json",
                "-H", "Accept: application/json", "--data-binary", "@" + bodyFile.path,
            ])
        #expect(curl.status == 0)
        #expect(curl.output == interaction.response.body)
        let status = try await served.interrupt()
        #expect(status == 0, "\(served.printed)")
        #expect(served.printed.contains("1 request answered, 0 failed"))
    }

    /// A client that sends the same request again (a retry, a second test
    /// run against one server) gets the recording again with --allow-repeats,
    /// which the mismatch report of a repeat names.
    @Test func allowRepeatsAnswersARepeatedRequestAgain() async throws {
        let interaction = try seed().interactions[0]
        let bodyFile = try TemporaryFolder.make("vcr-server").appendingPathComponent("body.json")
        try interaction.request.body.write(to: bodyFile)
        let served = try Served([PackageFiles.seedCassette.path, "--allow-repeats"])
        let url = try await served.url()
        let arguments = [
            "-sS", "-N", "-X", "POST", url + "/v1/chat/completions", "-H", "Content-Type: application/json",
            "-H", "Accept: application/json", "--data-binary", "@" + bodyFile.path,
        ]
        for _ in 0..<2 {
            let curl = try await run("curl", arguments)
            #expect(curl.status == 0)
            #expect(curl.output == interaction.response.body)
        }
        let status = try await served.interrupt()
        #expect(status == 0, "\(served.printed)")
        #expect(served.printed.contains("2 requests answered, 0 failed"))
    }

    @Test func pythonUrllibReplaysTheSeedStreamLineByLine() async throws {
        let interaction = try seed().interactions[1]
        let bodyFile = try TemporaryFolder.make("vcr-server").appendingPathComponent("body.json")
        try interaction.request.body.write(to: bodyFile)
        let served = try Served([PackageFiles.seedCassette.path])
        let url = try await served.url()
        let script = """
            import sys, urllib.request
            body = open(sys.argv[2], "rb").read()
            request = urllib.request.Request(sys.argv[1] + "/v1/chat/completions", data=body, method="POST",
                headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(request, timeout=30) as response:
                assert response.status == 200, response.status
                assert response.headers["Content-Type"].startswith("text/event-stream"), response.headers["Content-Type"]
                for line in response:
                    sys.stdout.buffer.write(line)
            """
        let python = try await run("python3", ["-c", script, url, bodyFile.path])
        #expect(python.status == 0)
        #expect(python.output == interaction.response.body)
        let status = try await served.interrupt()
        #expect(status == 0, "\(served.printed)")
    }

    @Test func mismatchMakesTheReportFailAndTheExitStatusOne() async throws {
        let served = try Served([PackageFiles.seedCassette.path])
        let url = try await served.url()
        let curl = try await run("curl", ["-sS", "-o", "/dev/null", "-w", "%{http_code}", url + "/nothing/here"])
        #expect(String(decoding: curl.output, as: UTF8.self) == "599")
        let status = try await served.interrupt()
        #expect(status == 1)
        #expect(served.printed.contains("unmatched: GET https://api.openai.com/nothing/here"))
    }
}

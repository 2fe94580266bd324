import Foundation
import TestSupport
import Testing
import VCR
import VCRCassette

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The checks every recorded cassette must pass, and replaying what was recorded.
enum RecordingSupport {
    /// Runs `body` with a new server on 127.0.0.1 and a new empty folder for its
    /// cassettes; the server is shut down and the folder removed when `body`
    /// returns or throws.
    static func withServerAndFolder<Result>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (LocalServer, URL) async throws -> Result
    ) async throws -> Result {
        let server = try LocalServer()
        defer { try? server.shutdown() }
        return try await TemporaryFolder.with("vcr-record") { folder in try await body(server, folder) }
    }

    /// Options that keep mismatches off standard error.
    static let quiet = VCR.Options(printsMismatches: false)

    /// The `vcr` executable built beside the test bundle.
    static var vcrExecutable: URL? {
        BuiltExecutable.url(named: "vcr")
    }

    /// Runs `vcr` with `arguments`; returns its exit status and what it printed.
    static func runVCR(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let executable = try #require(vcrExecutable, "the vcr executable is built beside the tests")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// Checks a recorded cassette: it passes `vcr lint` and `vcr fmt --check`, and
    /// holds none of `secrets`, in any encoding the file could use.
    static func expectValid(
        _ cassette: URL, containing secrets: [String] = [], sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let lint = try runVCR(["lint", cassette.path])
        #expect(lint.status == 0, "vcr lint: \(lint.output)", sourceLocation: sourceLocation)
        let format = try runVCR(["fmt", "--check", cassette.path])
        #expect(format.status == 0, "vcr fmt --check: \(format.output)", sourceLocation: sourceLocation)
        let bytes = try Data(contentsOf: cassette)
        for secret in secrets {
            #expect(
                bytes.range(of: Data(secret.utf8)) == nil, "the cassette holds a secret", sourceLocation: sourceLocation
            )
            #expect(
                bytes.range(of: Data(Data(secret.utf8).base64EncodedString().utf8)) == nil,
                "the cassette holds a secret in base64", sourceLocation: sourceLocation)
        }
    }

    /// Replays `request` from the cassette at `url` in `never` mode; returns what arrived.
    static func replay(_ request: URLRequest, from url: URL, options: VCR.Options = quiet) async throws -> (
        Data, HTTPURLResponse
    ) {
        let vcr = try VCR(cassette: url, mode: .never, options: options)
        let (data, response) = try await vcr.session.data(for: request)
        try vcr.stop().check()
        return (data, try #require(response as? HTTPURLResponse))
    }
}

/// A data delegate that collects one task's chunks and calls `onFirstChunk`
/// when the first one arrives.
final class StreamingReader: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    // @unchecked: the mutable state is only touched under `lock`.
    private let lock = NSLock()
    private let onFirstChunk: @Sendable () -> Void
    private var chunks: [Data] = []
    private var response: HTTPURLResponse?
    private var continuation: CheckedContinuation<Outcome, Never>?

    /// What arrived: the chunks in order, the response, and the error that ended the task.
    typealias Outcome = (chunks: [Data], response: HTTPURLResponse?, error: (any Error)?)

    init(onFirstChunk: @escaping @Sendable () -> Void = {}) {
        self.onFirstChunk = onFirstChunk
    }

    /// Runs a data task for `request` on a session made from `configuration`.
    func run(_ request: URLRequest, configuration: URLSessionConfiguration) async -> Outcome {
        let session = URLSession(configuration: configuration, delegate: self, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        return await withCheckedContinuation { continuation in
            lock.withLock { self.continuation = continuation }
            session.dataTask(with: request).resume()
        }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        lock.withLock { self.response = response as? HTTPURLResponse }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let isFirst = lock.withLock {
            chunks.append(data)
            return chunks.count == 1
        }
        if isFirst { onFirstChunk() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let (chunks, response, continuation) = lock.withLock {
            defer { self.continuation = nil }
            return (self.chunks, self.response ?? task.response as? HTTPURLResponse, self.continuation)
        }
        continuation?.resume(returning: (chunks, response, error))
    }
}

import ArgumentParser
import Dispatch
import Foundation
import VCR
import VCRServer

/// `vcr serve`: serves a cassette on 127.0.0.1 until SIGINT or SIGTERM, then
/// prints the replay report.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a cassette over HTTP on 127.0.0.1, for clients in any language.",
        discussion: """
            Answers each request from the cassette as the VCR answers URLSession requests: \
            a request for /v1/chat on the server is matched as a request for /v1/chat on the \
            cassette's origin (when the cassette has several origins, the first path segment \
            names the host: /api.openai.com/v1/chat). Streamed responses are sent chunk by chunk. \
            A request no interaction matches receives status 599 with the header \
            X-VCR-Mismatch: true and the mismatch report as its body.

            Prints the server's URL alone on the first line of standard output. On SIGINT or \
            SIGTERM it stops, saves what it recorded, prints the report and exits with 0 when \
            every request was answered (and the recording saved), 1 otherwise.

            Examples:
              vcr serve Cassettes/chat.yaml --port 8080
              vcr serve Cassettes/new.yaml --record all --upstream https://api.openai.com
            """
    )

    @Argument(help: "The cassette file.")
    var cassette: String

    @Option(help: "The port on 127.0.0.1 (default: a free one).")
    var port: Int = 0

    @Option(
        help:
            "The recording mode: never, missing, new_episodes or all (default: \(VCR.Mode.environmentVariable), else never)."
    )
    var record: String?

    @Option(help: "Where recorded requests are sent (default: \(VCR.upstreamEnvironmentVariable), else their origin).")
    var upstream: String?

    @Option(help: "The origin requests are matched as requests to (default: the cassette's own).")
    var origin: String?

    @Flag(help: "Answer a request whose matching interactions are all used with the last one used.")
    var allowRepeats = false

    func run() throws {
        let mode = try record.map { value in
            do {
                return try VCR.Mode(environment: [VCR.Mode.environmentVariable: value])
            } catch {
                throw ValidationError("\(error)")
            }
        }
        let options = VCR.Options(
            allowsRepeats: allowRepeats, upstream: try upstream.map { try Self.url($0, option: "--upstream") })
        let origin = try origin.map { try Self.url($0, option: "--origin") }
        let configuration = CassetteServer.Configuration(port: port)
        let cassette = cassette
        let started = Self.wait {
            try await CassetteServer(
                cassette: cassette, mode: mode, options: options, origin: origin, configuration: configuration)
        }
        let server: CassetteServer
        switch started {
        case .success(let value): server = value
        case .failure(let error):
            FileHandle.standardError.write(Data("vcr serve: \(error)\n".utf8))
            throw ExitCode.failure
        }
        let signalled = DispatchSemaphore(value: 0)
        let sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { signalled.signal() }
            source.resume()
            return source
        }
        FileHandle.standardOutput.write(Data("\(server.baseURL.absoluteString)\n".utf8))
        FileHandle.standardError.write(
            Data("vcr serve: serving \(cassette) (\(server.origins.joined(separator: ", "))); stop with Ctrl-C\n".utf8))
        signalled.wait()
        sources.forEach { $0.cancel() }
        let report = Self.wait { await server.stop() }
        guard case .success(let report) = report else { throw ExitCode.failure }
        FileHandle.standardOutput.write(Data((report.description + "\n").utf8))
        if report.hasFailedRequests || !report.saveErrors.isEmpty { throw ExitCode.failure }
    }

    private static func url(_ text: String, option: String) throws -> URL {
        guard let url = URL(string: text), url.scheme != nil, url.host != nil else {
            throw ValidationError("\(option) `\(text)` is not an absolute URL such as https://api.openai.com")
        }
        return url
    }

    /// Runs async work from this synchronous command, blocking until it is done.
    private static func wait<Value: Sendable>(_ work: @escaping @Sendable () async throws -> Value) -> Result<
        Value, any Error
    > {
        let box = ResultBox<Value>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do {
                box.result = .success(try await work())
            } catch {
                box.result = .failure(error)
            }
            done.signal()
        }
        done.wait()
        return box.result ?? .failure(ExitCode.failure)
    }
}

/// Carries a result from the task that computes it to the waiting thread.
private final class ResultBox<Value: Sendable>: @unchecked Sendable {
    // @unchecked: written once by the task before it signals, read after the wait.
    var result: Result<Value, any Error>?
}

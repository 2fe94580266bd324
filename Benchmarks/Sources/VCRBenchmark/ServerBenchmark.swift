import Foundation
import NIOCore
import NIOPosix
import VCR
import VCRCassette
import VCRServer

/// Requests per second through the cassette server, against a plain SwiftNIO
/// server answering a constant response on the same event loops (the floor
/// for any loopback server), over one keep-alive connection and over 16.
enum ServerBenchmark {
    /// The size of each response's event stream, in bytes.
    static let streamBytes = 2_048
    /// The connections of the concurrent figure.
    static let connections = 16

    /// The medians of one workload.
    struct Result {
        var requests: Int
        var sequential: Samples
        var sequentialFloor: Samples
        var concurrent: Samples
        var concurrentFloor: Samples
    }

    /// Times `count` requests per run, sequentially and over ``connections`` connections.
    ///
    /// Each run of the server starts, outside the timing, with a new server
    /// (and VCR) over the cassette, since each interaction answers once.
    static func measure(count: Int, runs: Int, log: Log) async throws -> Result {
        var generator = SyntheticCassette()
        let cassette = generator.cassette(interactions: count, streamBytes: streamBytes)
        let requests = cassette.interactions.map { interaction in
            KeepAliveClient.Request(
                path: URLComponents(string: interaction.request.url)?.path ?? "/",
                body: ByteBuffer(bytes: interaction.request.body))
        }
        let floor = try LoopbackServer(body: cassette.interactions[0].response.body, group: MultiThreadedEventLoopGroup.singleton)
        defer { try? floor.shutdown() }
        let current = CurrentServer(cassette: cassette, expectedCount: count)

        func contenders(connections: Int, label: String) -> [Contender] {
            [
                Contender(
                    "server \(label): ours", runs: runs, prepare: { try await current.replace() },
                    work: {
                        guard let port = current.port else { return 0 }
                        return try await KeepAliveClient.send(requests, port: port, connections: connections)
                    }),
                Contender(
                    "server \(label): NIO floor", runs: runs,
                    work: { try await KeepAliveClient.send(requests, port: floor.port, connections: connections) }),
            ]
        }
        let sequential = try await SideBySide.run(contenders(connections: 1, label: "sequential"), log: log)
        let concurrent = try await SideBySide.run(
            contenders(connections: connections, label: "\(connections) connections"), log: log)
        try await current.clear()
        return Result(
            requests: count, sequential: sequential[0], sequentialFloor: sequential[1], concurrent: concurrent[0],
            concurrentFloor: concurrent[1])
    }
}

/// The cassette server of the running contender. Replacing it, outside the
/// timing, stops the old one and checks that it answered every request.
private final class CurrentServer {
    private var server: CassetteServer?
    private let cassette: Cassette
    private let expectedCount: Int

    init(cassette: Cassette, expectedCount: Int) {
        self.cassette = cassette
        self.expectedCount = expectedCount
    }

    var port: Int? { server?.port }

    func replace() async throws {
        try await clear()
        let vcr = VCR(cassette: cassette, path: "server.yaml", options: VCR.Options(printsMismatches: false))
        server = try await CassetteServer(vcr: vcr)
    }

    func clear() async throws {
        guard let server else { return }
        self.server = nil
        let report = await server.stop()
        guard report.servedCount == expectedCount, report.isClean else {
            throw BenchmarkFailure("the cassette server did not answer every request:\n\(report)")
        }
    }
}

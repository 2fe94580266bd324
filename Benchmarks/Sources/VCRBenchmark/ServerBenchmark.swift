import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import VCR
import VCRCassette
import VCRServer

/// Requests per second through the cassette server, against a plain SwiftNIO
/// server answering a constant response on the same event loops (the floor
/// for any loopback server), over one keep-alive connection and over 16.
///
/// The floor sends the same bytes as the cassette server (the recorded
/// fields, one HTTP chunk per event) through the same pipeline (NIO's, without
/// its outbound header validation); a second floor sends the stream in one
/// buffer with a `Content-Length`, to show what the chunks cost on both sides.
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
        /// The floor sending the stream in one buffer with a `Content-Length`.
        var sequentialWholeFloor: Samples
        var concurrent: Samples
        var concurrentFloor: Samples
        var concurrentWholeFloor: Samples
    }

    /// The request of each interaction of `cassette`, as the client sends it.
    static func requests(of cassette: Cassette) -> [KeepAliveClient.Request] {
        cassette.interactions.map { interaction in
            KeepAliveClient.Request(
                path: URLComponents(string: interaction.request.url)?.path ?? "/",
                body: ByteBuffer(bytes: interaction.request.body))
        }
    }

    /// Times `count` requests per run, sequentially and over ``connections`` connections.
    ///
    /// Each run of the server starts, outside the timing, with a new server
    /// (and VCR) over the cassette, since each interaction answers once.
    static func measure(count: Int, runs: Int, log: Log) async throws -> Result {
        var generator = SyntheticCassette()
        let cassette = generator.cassette(interactions: count, streamBytes: streamBytes)
        let requests = requests(of: cassette)
        let group = MultiThreadedEventLoopGroup.singleton
        let floor = try LoopbackServer(response: floorResponse(of: cassette), validatesHeaders: false, group: group)
        defer { try? floor.shutdown() }
        let wholeFloor = try LoopbackServer(
            response: .whole(cassette.interactions[0].response.body), validatesHeaders: false, group: group)
        defer { try? wholeFloor.shutdown() }
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
                Contender(
                    "server \(label): NIO floor, one buffer", runs: runs,
                    work: { try await KeepAliveClient.send(requests, port: wholeFloor.port, connections: connections) }),
            ]
        }
        let sequential = try await SideBySide.run(contenders(connections: 1, label: "sequential"), log: log)
        let concurrent = try await SideBySide.run(
            contenders(connections: connections, label: "\(connections) connections"), log: log)
        try await current.clear()
        return Result(
            requests: count, sequential: sequential[0], sequentialFloor: sequential[1],
            sequentialWholeFloor: sequential[2], concurrent: concurrent[0], concurrentFloor: concurrent[1],
            concurrentWholeFloor: concurrent[2])
    }

    /// What the floor answers: the first interaction's recorded fields and
    /// stream, one HTTP chunk per event, as the cassette server frames a
    /// streamed response, so that both put the same bytes on the wire and
    /// the client does the same work for each.
    static func floorResponse(of cassette: Cassette) -> ConstantResponse {
        let response = cassette.interactions[0].response
        var headers = HTTPHeaders()
        for name in response.headers.keys.sorted() {
            for value in response.headers[name] ?? [] { headers.add(name: name, value: value) }
        }
        return .events(response.body, headers: headers)
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

import Foundation
import NIOCore
import NIOPosix
import VCR
import VCRServer

/// A hidden subcommand for counting instructions per request under
/// `valgrind --tool=callgrind`: it sends the first `count` requests of the
/// server benchmark's cassette over one keep-alive connection, to the
/// cassette server or to the floor, and exits. Everything else (the cassette,
/// both servers, the client) is the same for any `count`, so the difference
/// of two counts' totals over the difference of the counts is the cost of
/// one request; ours minus the floor's is what the cassette server adds.
///
///     valgrind --tool=callgrind vcr-benchmark --profile-server ours 1000
///
/// No URLSession is started in the process (valgrind does not run its threads).
enum ServerProfile {
    /// The hidden subcommand.
    static let subcommand = "--profile-server"
    /// The interactions of the cassette, whatever the number of requests.
    static let interactions = 2_000

    /// Runs ``subcommand``: `which` is `ours` or `floor`; 0 on success.
    static func run(which: String, count: String) async -> Int32 {
        guard let count = Int(count), (0..<interactions).contains(count), ["ours", "floor"].contains(which) else {
            FileHandle.standardError.write(Data("usage: \(subcommand) ours|floor COUNT (0..<\(interactions))\n".utf8))
            return 2
        }
        do {
            var generator = SyntheticCassette()
            let cassette = generator.cassette(interactions: interactions, streamBytes: ServerBenchmark.streamBytes)
            let requests = ServerBenchmark.requests(of: cassette)
            let group = MultiThreadedEventLoopGroup.singleton
            let floor = try LoopbackServer(
                response: ServerBenchmark.floorResponse(of: cassette), validatesHeaders: false, group: group)
            let vcr = VCR(cassette: cassette, path: "server.yaml", options: VCR.Options(printsMismatches: false))
            let server = try await CassetteServer(vcr: vcr)
            let port = which == "ours" ? server.port : floor.port
            // One request before the count opens both paths alike.
            let bytes = try await KeepAliveClient.send(requests[..<(count + 1)], port: port)
            print("\(which): \(count) requests, \(bytes) body bytes")
            return 0
        } catch {
            FileHandle.standardError.write(Data("vcr-benchmark: \(error)\n".utf8))
            return 1
        }
    }
}

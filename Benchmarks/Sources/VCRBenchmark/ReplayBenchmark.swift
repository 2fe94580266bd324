import Foundation
import VCR
import VCRCassette

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Requests per second through URLSession: our interceptor, against a
/// constant `URLProtocol` (the floor) and a loopback HTTP server (the alternative).
enum ReplayBenchmark {
    /// The medians of one timed run of `requests` requests per contender.
    struct Result {
        var requests: Int
        var ours: Samples
        var floor: Samples
        var loopback: Samples
        /// The first request sent `requests` times, answered again and again by
        /// its interaction (`allowsRepeats`).
        var repeats: Samples
        /// The same requests as `GET`s without a body, to a VCR over the same
        /// interactions recorded so (``ReplayWorkload/asGETs``).
        var gets: Samples
    }

    /// Sends every request of `workload` in turn, awaiting each response, per run.
    ///
    /// Each run starts, outside the timing, with a new session (and, for ours,
    /// a new ``VCR`` over the cassette, since each interaction answers once;
    /// for the repeats, over the first interaction alone).
    static func measure(_ workload: ReplayWorkload, runs: Int, log: Log) async throws -> Result {
        let server = try LoopbackServer(body: ReplayWorkload.responseBody)
        defer { try? server.shutdown() }
        let loopbackRequests = workload.requests(to: "http://127.0.0.1:\(server.port)")
        let current = CurrentSession(expectedCount: workload.requests.count)

        /// Sends `requests` to a new VCR over `cassette` per run.
        func replaying(
            _ name: String, _ cassette: Cassette, _ requests: [URLRequest], options: VCR.Options = VCR.Options()
        ) -> Contender {
            Contender(
                name, runs: runs,
                prepare: {
                    try current.replace(with: VCR(cassette: cassette, path: "replay.yaml", options: options))
                },
                work: {
                    guard let vcr = current.vcr else { return 0 }
                    return try await send(requests, through: vcr.session)
                })
        }
        let ours = replaying("replay: ours", workload.cassette, workload.requests)
        let floor = Contender(
            "replay: constant URLProtocol", runs: runs,
            prepare: {
                try current.replace(with: floorSession())
            },
            work: {
                guard let session = current.session else { return 0 }
                return try await send(workload.requests, through: session)
            })
        let loopback = Contender(
            "replay: loopback server", runs: runs,
            prepare: {
                try current.replace(with: URLSession(configuration: .ephemeral))
            },
            work: {
                guard let session = current.session else { return 0 }
                return try await send(loopbackRequests, through: session)
            })
        let first = Cassette(interactions: [workload.cassette.interactions[0]])
        let repeatedRequests = Array(repeating: workload.requests[0], count: workload.requests.count)
        let repeats = replaying(
            "replay: ours, one interaction repeated", first, repeatedRequests,
            options: VCR.Options(allowsRepeats: true))
        let getWorkload = workload.asGETs
        let gets = replaying("replay: ours, GETs", getWorkload.cassette, getWorkload.requests)
        let samples = try await SideBySide.run([ours, floor, loopback, repeats, gets], log: log)
        try current.clear()
        return Result(
            requests: workload.requests.count, ours: samples[0], floor: samples[1], loopback: samples[2],
            repeats: samples[3], gets: samples[4])
    }

    /// A session answered by ``ConstantResponseProtocol``, configured as a
    /// VCR's own session is: ephemeral, without a `URLCache`.
    static func floorSession() -> URLSession {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.protocolClasses = [ConstantResponseProtocol.self]
        return URLSession(configuration: configuration)
    }

    /// Sends the requests one after another; returns the body bytes received.
    static func send(_ requests: [URLRequest], through session: URLSession) async throws -> Int {
        var bytes = 0
        for request in requests {
            let (data, response) = try await session.data(for: request)
            guard (response as? HTTPURLResponse)?.statusCode == 200, !data.isEmpty else {
                throw BenchmarkFailure(
                    "\(request.url?.absoluteString ?? "?") answered \(response) with \(data.count) bytes")
            }
            bytes += data.count
        }
        return bytes
    }
}

/// The session (or VCR) of the running contender. Replacing it, outside the
/// timing, invalidates the old session and checks that the old VCR answered
/// every request.
final class CurrentSession {
    private(set) var vcr: VCR?
    private(set) var session: URLSession?
    private let expectedCount: Int

    init(expectedCount: Int) {
        self.expectedCount = expectedCount
    }

    /// Replaces the contender's VCR, and its session when the VCR's own is not
    /// the one used. The VCR's own session, made on first use, is made here,
    /// outside the timing, as the other contenders' sessions are.
    func replace(with vcr: VCR, session: URLSession? = nil) throws {
        try clear()
        self.vcr = vcr
        self.session = session
        if session == nil { _ = vcr.session }
    }

    func replace(with session: URLSession) throws {
        try clear()
        self.session = session
    }

    func clear() throws {
        session?.finishTasksAndInvalidate()
        session = nil
        guard let vcr else { return }
        self.vcr = nil
        let report = vcr.stop()
        guard report.servedCount == expectedCount, report.isClean else {
            throw BenchmarkFailure("the VCR did not answer every request:\n\(report)")
        }
    }
}

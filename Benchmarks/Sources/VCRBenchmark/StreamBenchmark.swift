import Foundation
import VCR
import VCRCassette

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Streams through URLSession to a data delegate, event by event: our
/// interceptor against a `URLProtocol` that streams the same events (the floor).
enum StreamBenchmark {
    /// The events of each response stream.
    static let events = 20

    /// The medians of one timed run of `requests` streams per contender.
    struct Result {
        var requests: Int
        var ours: Samples
        var floor: Samples
    }

    /// `count` chat requests, each answered by a stream of ``events`` events.
    static func workload(count: Int) -> ReplayWorkload {
        ReplayWorkload(count: count, streamLength: .events(events))
    }

    /// Streams every request of `workload` in turn, awaiting each one's end, per run.
    ///
    /// Each run starts, outside the timing, with a new session with a data
    /// delegate (and, for ours, a new ``VCR`` over the cassette).
    static func measure(_ workload: ReplayWorkload, runs: Int, log: Log) async throws -> Result {
        let current = CurrentSession(expectedCount: workload.requests.count)
        let collector = StreamCollector()
        let ours = Contender(
            "stream: ours", runs: runs,
            prepare: {
                let vcr = VCR(cassette: workload.cassette, path: "stream.yaml")
                let session = URLSession(
                    configuration: vcr.makeConfiguration(), delegate: collector, delegateQueue: nil)
                try current.replace(with: vcr, session: session)
            },
            work: {
                guard let session = current.session else { return 0 }
                return try await send(workload.requests, through: session, collector: collector)
            })
        let floor = Contender(
            "stream: streaming URLProtocol", runs: runs,
            prepare: {
                try current.replace(with: floorSession(delegate: collector))
            },
            work: {
                guard let session = current.session else { return 0 }
                return try await send(workload.requests, through: session, collector: collector)
            })
        let samples = try await SideBySide.run([ours, floor], log: log)
        try current.clear()
        return Result(requests: workload.requests.count, ours: samples[0], floor: samples[1])
    }

    /// A session answered by ``StreamingConstantProtocol``, its data going to
    /// `delegate`, configured as a VCR's own session is: ephemeral, without a `URLCache`.
    static func floorSession(delegate: StreamCollector) -> URLSession {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.protocolClasses = [StreamingConstantProtocol.self]
        return URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
    }

    /// Streams the requests one after another; returns the body bytes received.
    static func send(_ requests: [URLRequest], through session: URLSession, collector: StreamCollector) async throws
        -> Int
    {
        var bytes = 0
        for request in requests {
            bytes += try await collector.stream(request, through: session, expectedChunks: events)
        }
        return bytes
    }
}

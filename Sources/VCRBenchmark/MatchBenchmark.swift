import Foundation
import VCR
import VCRCassette

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The cost of finding a request's interaction in cassettes of growing size.
///
/// The VCR module has no public lookup, so a lookup is timed where users meet
/// it: through URLSession. Each run sends requests for distinct interactions,
/// in random order, to a new ``VCR`` over the cassette; the same requests go
/// side by side to the constant `URLProtocol`, and the difference per request
/// is the figure. It is an upper bound of the lookup: it also holds what the
/// interceptor does besides matching (reading the request, planning the response).
enum MatchBenchmark {
    /// The medians for one cassette size.
    struct Result {
        var size: Int
        var lookups: Int
        var ours: Samples
        var floor: Samples

        /// Microseconds per request above the floor: the median over rounds
        /// of the difference between runs taken in the same round.
        var microsecondsPerLookup: Double {
            let differences = zip(ours.durations, floor.durations).map { $0 - $1 }
            return max(0, Samples(durations: differences).median.seconds) / Double(lookups) * 1e6
        }
    }

    static func measure(_ workload: MatchWorkload, runs: Int, log: Log) async throws -> Result {
        let current = CurrentReplay(expectedCount: workload.requests.count + 1)
        var options = VCR.Options()
        options.printsMismatches = false
        let ours = Contender(
            "match \(workload.size): ours", runs: runs,
            prepare: {
                try current.finishVCR()
                let vcr = VCR(cassette: workload.cassette, path: "match-\(workload.size).yaml", options: options)
                _ = try await ReplayBenchmark.send([workload.warmUp], through: vcr.session)
                current.vcr = vcr
            },
            work: {
                guard let vcr = current.vcr else { return 0 }
                return try await ReplayBenchmark.send(workload.requests, through: vcr.session)
            })
        let floor = Contender(
            "match \(workload.size): constant URLProtocol", runs: runs,
            prepare: {
                current.session?.finishTasksAndInvalidate()
                let configuration = URLSessionConfiguration.ephemeral
                configuration.protocolClasses = [ConstantResponseProtocol.self]
                let session = URLSession(configuration: configuration)
                _ = try await ReplayBenchmark.send([workload.warmUp], through: session)
                current.session = session
            },
            work: {
                guard let session = current.session else { return 0 }
                return try await ReplayBenchmark.send(workload.requests, through: session)
            })
        let samples = try await SideBySide.run([ours, floor], log: log)
        try current.finishVCR()
        current.session?.finishTasksAndInvalidate()
        return Result(size: workload.size, lookups: workload.requests.count, ours: samples[0], floor: samples[1])
    }
}

/// The VCR and floor session of the running match measurement.
private final class CurrentReplay {
    var vcr: VCR?
    var session: URLSession?
    /// How many requests each VCR must have answered: the warm-up and the lookups.
    let expectedCount: Int

    init(expectedCount: Int) {
        self.expectedCount = expectedCount
    }

    /// Stops the last run's VCR (outside the timing) and checks that it answered every request.
    func finishVCR() throws {
        guard let vcr else { return }
        self.vcr = nil
        let report = vcr.stop()
        guard report.servedCount == expectedCount, report.unmatchedRequests.isEmpty else {
            throw BenchmarkFailure("the VCR did not answer every request:\n\(report)")
        }
    }
}

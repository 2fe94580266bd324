import Foundation
import VCR
import VCRCassette

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The cost of finding a request's interaction in cassettes of growing size.
///
/// The lookup is timed through ``VCR/consumeInteraction(for:)``, the lookup every
/// intercepted request goes through (redaction, preparing the request,
/// finding and marking its interaction): each run looks up distinct
/// interactions, in random order, in new VCRs over the cassette, made before
/// the timing. For scale, the same kind of requests also go through
/// URLSession, to a VCR and side by side to the constant `URLProtocol`.
enum MatchBenchmark {
    /// The medians for one cassette size.
    struct Result {
        var size: Int
        /// Lookups per timed lookup run.
        var lookups: Int
        var lookup: Samples
        /// Requests per timed URLSession run.
        var requests: Int
        var ours: Samples
        var floor: Samples

        /// Microseconds per lookup: the median run over its lookups.
        var microsecondsPerLookup: Double {
            lookup.median.seconds / Double(lookups) * 1e6
        }

        /// Microseconds per request through URLSession above the floor: the
        /// median over rounds of the difference between runs taken in the same round.
        var microsecondsPerRequestAboveFloor: Double {
            let differences = zip(ours.durations, floor.durations).map { $0 - $1 }
            return max(0, Samples(durations: differences).median.seconds) / Double(requests) * 1e6
        }
    }

    static func measure(_ workload: MatchWorkload, runs: Int, lookupsPerRun: Int, log: Log) async throws -> Result {
        var options = VCR.Options()
        options.printsMismatches = false
        let copies = max(1, lookupsPerRun / max(1, workload.lookups.count))
        let lookups = CurrentLookups(expectedCount: workload.lookups.count)
        let lookup = Contender(
            "match \(workload.size): lookup", runs: runs,
            prepare: {
                try lookups.finish()
                lookups.vcrs = (0..<copies).map { _ in
                    VCR(cassette: workload.cassette, path: "match-\(workload.size).yaml", options: options)
                }
            },
            work: {
                var checksum = 0
                for vcr in lookups.vcrs {
                    for request in workload.lookups {
                        guard let interaction = vcr.consumeInteraction(for: request) else {
                            throw BenchmarkFailure("no interaction answers \(request.method) \(request.url)")
                        }
                        checksum &+= interaction.id
                    }
                }
                return checksum
            })
        let current = CurrentReplay(expectedCount: workload.requests.count + 1)
        let ours = Contender(
            "match \(workload.size): through URLSession", runs: runs,
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
                let session = ReplayBenchmark.floorSession()
                _ = try await ReplayBenchmark.send([workload.warmUp], through: session)
                current.session = session
            },
            work: {
                guard let session = current.session else { return 0 }
                return try await ReplayBenchmark.send(workload.requests, through: session)
            })
        let samples = try await SideBySide.run([lookup, ours, floor], log: log)
        try lookups.finish()
        try current.finishVCR()
        current.session?.finishTasksAndInvalidate()
        return Result(
            size: workload.size, lookups: workload.lookups.count * copies, lookup: samples[0],
            requests: workload.requests.count, ours: samples[1], floor: samples[2])
    }
}

/// The VCRs of the running lookup measurement.
private final class CurrentLookups {
    var vcrs: [VCR] = []
    /// How many lookups each VCR must have answered.
    let expectedCount: Int

    init(expectedCount: Int) {
        self.expectedCount = expectedCount
    }

    /// Stops the last run's VCRs (outside the timing) and checks that each answered every lookup.
    func finish() throws {
        let finished = vcrs
        vcrs = []
        for vcr in finished {
            let report = vcr.stop()
            guard report.servedCount == expectedCount, report.unmatchedRequests.isEmpty else {
                throw BenchmarkFailure("the VCR did not answer every lookup:\n\(report)")
            }
        }
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

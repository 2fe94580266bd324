import Foundation
import VCR

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Replayed requests sent in one process and nothing else, for a profiler
/// (`perf record`, or callgrind over two counts) to attribute their cost: the replay and
/// stream workloads, through a VCR or through their floor.
enum ReplayProfile {
    /// The argument that runs a profile: `--replay-once WHICH COUNT`.
    static let subcommand = "--replay-once"

    /// What `which` names: `ours` and `floor` send `data(for:)` requests,
    /// `stream-ours` and `stream-floor` stream to a data delegate, `lookup`
    /// calls ``VCR/consumeInteraction(for:)`` on the 1000-interaction match
    /// cassette, `none` and `stream-none` build the replay or stream workload
    /// and a VCR and send nothing (the baselines to subtract: the workload and
    /// the VCR grow with `COUNT` too).
    static let kinds = ["ours", "floor", "stream-ours", "stream-floor", "lookup", "none", "stream-none"]

    /// Sends `count` requests of the kind `which` names; 0 on success.
    static func run(which: String, count: Int) async -> Int32 {
        guard kinds.contains(which), count > 0 else { return 2 }
        if which == "lookup" { return lookUp(count: count) }
        do {
            let streams = which.hasPrefix("stream-")
            let workload = streams ? StreamBenchmark.workload(count: count) : ReplayWorkload(count: count)
            let vcr = VCR(cassette: workload.cassette, path: "profile.yaml")
            let collector = StreamCollector()
            switch which {
            case "ours":
                keep(try await ReplayBenchmark.send(workload.requests, through: vcr.session))
            case "floor":
                keep(try await ReplayBenchmark.send(workload.requests, through: ReplayBenchmark.floorSession()))
            case "stream-ours":
                let session = URLSession(
                    configuration: vcr.makeConfiguration(), delegate: collector, delegateQueue: nil)
                keep(try await StreamBenchmark.send(workload.requests, through: session, collector: collector))
            case "stream-floor":
                let session = StreamBenchmark.floorSession(delegate: collector)
                keep(try await StreamBenchmark.send(workload.requests, through: session, collector: collector))
            default:
                keep(workload.requests.count)
            }
            vcr.stop()
            return 0
        } catch {
            FileHandle.standardError.write(Data("vcr-benchmark: \(error)\n".utf8))
            return 1
        }
    }

    /// Makes `count` lookups, a thousand to a VCR (the VCRs made first), and
    /// prints the time each took on average; 0 when every lookup was answered.
    private static func lookUp(count: Int) -> Int32 {
        let workload = MatchWorkload(size: 1000, requests: 0, lookups: 1000)
        var options = VCR.Options()
        options.printsMismatches = false
        let vcrs = (0..<max(1, count / workload.lookups.count)).map { _ in
            VCR(cassette: workload.cassette, path: "profile.yaml", options: options)
        }
        let (duration, answered) = Stopwatch.time {
            vcrs.reduce(0) { sum, vcr in
                sum + workload.lookups.count { vcr.consumeInteraction(for: $0) != nil }
            }
        }
        let lookups = vcrs.count * workload.lookups.count
        let nanoseconds = Int(duration.seconds * 1e9) / lookups
        FileHandle.standardError.write(Data("\(lookups) lookups, \(nanoseconds) ns each\n".utf8))
        return answered == lookups ? 0 : 1
    }
}

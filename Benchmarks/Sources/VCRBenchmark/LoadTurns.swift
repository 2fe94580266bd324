import Foundation
import VCRCassette

/// The load and libyaml's scan of the same cassettes, taking turns in one
/// process, for a sampling profiler to attribute both within one run (`perf
/// record --call-graph dwarf`): runs of one and then the other, in separate
/// processes, differed by more than the load does.
enum LoadTurns {
    /// The argument that makes the binary run the turns and exit.
    static let subcommand = "--load-turns"

    /// Loads (`Cassette(yaml:)`) and scans every cassette of `folder` from
    /// bytes in memory, one pass of each in turn, `passes` times; prints the
    /// load's total time over the scan's. 0 on success.
    static func run(passes: Int, folder: URL) -> Int32 {
        do {
            let files = try Corpus(folder: folder).files.map(\.bytes)
            var (load, scan) = (Duration.zero, Duration.zero)
            for _ in 0..<passes {
                let (loaded, interactions) = try Stopwatch.time { try LoadBenchmark.load(files) }
                let (scanned, events) = try Stopwatch.time { try LoadBenchmark.scan(files) }
                keep(interactions + events)
                (load, scan) = (load + loaded, scan + scanned)
            }
            let ratio = load.seconds / max(scan.seconds, 1e-9)
            print("load/scan=\(String(format: "%.3f", ratio)) load=\(load) scan=\(scan) passes=\(passes)")
            return 0
        } catch {
            FileHandle.standardError.write(Data("vcr-benchmark: \(error)\n".utf8))
            return 1
        }
    }
}

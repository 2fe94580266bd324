import Foundation
import VCR
import VCRCassette

/// Opening a `VCR` on each corpus cassette against loading the same file with
/// `Cassette(contentsOf:)`: what a test pays before its first request, over
/// what the cassette's bytes alone cost.
enum OpenBenchmark {
    /// The medians of one workload.
    struct Result {
        /// The cassettes one timed run opens.
        var files: Int
        var ours: Samples
        var load: Samples
    }

    /// The argument that makes the binary open the corpus once, the way
    /// `which` says, and exit: what a callgrind run of the binary counts.
    static let subcommand = "--open-once"

    /// The corpus files a VCR can replay (servable responses), as file URLs.
    static func replayable(_ corpus: Corpus) -> [URL] {
        corpus.files.map { URL(fileURLWithPath: $0.path) }.filter { file in
            guard let vcr = try? VCR(cassette: file, mode: .never) else { return false }
            _ = vcr.stop()
            return true
        }
    }

    /// Times `repetitions` passes over `files` per run.
    ///
    /// The VCRs a run opens are stopped after it, outside the timing: a VCR
    /// lives until it is stopped, and thousands left open would time the
    /// heap's growth and weigh on the phases after this one.
    static func measure(_ files: [URL], repetitions: Int, runs: Int, log: Log) async throws -> Result {
        let opened = OpenedVCRs()
        let ours = Contender("open: VCR(cassette:)", runs: runs, prepare: { opened.stop() }) {
            try (0..<repetitions).reduce(0) { sum, _ in sum + (try openVCRs(files, into: opened)) }
        }
        let load = Contender("open: Cassette(contentsOf:)", runs: runs) {
            try (0..<repetitions).reduce(0) { sum, _ in sum + (try loadCassettes(files)) }
        }
        let samples = try await SideBySide.run([ours, load], log: log)
        opened.stop()
        return Result(files: files.count * repetitions, ours: samples[0], load: samples[1])
    }

    /// Opens a VCR on each file, in the mode `VCR_RECORD` names, as a test
    /// does, and keeps it in `opened`; returns a checksum.
    static func openVCRs(_ files: [URL], into opened: OpenedVCRs) throws -> Int {
        try files.reduce(0) { sum, file in
            let vcr = try VCR(cassette: file)
            opened.vcrs.append(vcr)
            return sum + vcr.cassettePath.count
        }
    }

    /// Loads each file.
    static func loadCassettes(_ files: [URL]) throws -> Int {
        try files.reduce(0) { $0 + (try Cassette(contentsOf: $1).interactions.count) }
    }

    /// Runs ``subcommand``: `which` is `vcr`, `load` or `none` (the corpus
    /// listed and filtered only, the baseline to subtract), or, from bytes
    /// read first as the load benchmark's are, `yaml` (`Cassette(yaml:)`),
    /// `scan` (libyaml's events alone) or `bytes` (their baseline); 0 on success.
    static func runOnce(which: String, corpus: URL) -> Int32 {
        do {
            let files = replayable(try Corpus(folder: corpus))
            let bytes = try ["yaml", "scan", "bytes"].contains(which) ? files.map { try Data(contentsOf: $0) } : []
            switch which {
            case "vcr": keep(try openVCRs(files, into: OpenedVCRs()))
            case "load": keep(try loadCassettes(files))
            case "none", "bytes": keep(files.count + bytes.count)
            case "yaml": keep(try LoadBenchmark.load(bytes))
            case "scan": keep(try LoadBenchmark.scan(bytes))
            default: return 2
            }
            return 0
        } catch {
            FileHandle.standardError.write(Data("vcr-benchmark: \(error)\n".utf8))
            return 1
        }
    }
}

/// The VCRs the open benchmark's runs opened, until they are stopped.
final class OpenedVCRs {
    var vcrs: [VCR] = []

    /// Stops every VCR kept here and forgets them.
    func stop() {
        for vcr in vcrs { _ = vcr.stop() }
        vcrs = []
    }
}

import Foundation
import VCRCassette
import Yams

/// Loading cassettes into values, against libyaml's bare parser (the floor)
/// and Yams's node tree (the alternative), over the same bytes in memory.
enum LoadBenchmark {
    /// The medians of one workload.
    struct Result {
        /// The bytes one timed run reads.
        var bytes: Int
        var ours: Samples
        var scan: Samples
        var yams: Samples
    }

    /// Times `repetitions` passes over `files` per run.
    ///
    /// Every contender starts from the bytes in memory; Yams gets the text as a
    /// `String`, made before the timing, since that is what it parses.
    static func measure(
        _ files: [Data], repetitions: Int, runs: Int, yamsRuns: Int, log: Log
    ) async throws -> Result {
        let texts = files.map { String(decoding: $0, as: UTF8.self) }
        let ours = Contender("load: ours", runs: runs) {
            try (0..<repetitions).reduce(0) { sum, _ in sum + (try Self.load(files)) }
        }
        let scan = Contender("load: libyaml scan", runs: runs) {
            try (0..<repetitions).reduce(0) { sum, _ in sum + (try Self.scan(files)) }
        }
        let yams = Contender("load: Yams compose", runs: yamsRuns, warmups: yamsRuns > 1 ? 1 : 0) {
            var roots = 0
            for _ in 0..<repetitions {
                for text in texts { roots += try Yams.compose(yaml: text) == nil ? 0 : 1 }
            }
            return roots
        }
        let samples = try await SideBySide.run([ours, scan, yams], log: log)
        return Result(
            bytes: files.reduce(0) { $0 + $1.count } * repetitions,
            ours: samples[0], scan: samples[1], yams: samples[2])
    }

    /// Loads each of `files` with `Cassette(yaml:)`; returns the interactions read.
    static func load(_ files: [Data]) throws -> Int {
        try files.reduce(0) { $0 + (try Cassette(yaml: $1).interactions.count) }
    }

    /// Runs libyaml's bare parser over each of `files`; returns the events parsed.
    static func scan(_ files: [Data]) throws -> Int {
        try files.reduce(0) { $0 + (try LibYAMLScan.events(in: $1)) }
    }

    /// How many passes over `files` make a run last at least `seconds`, judged by our reader.
    static func repetitions(for files: [Data], seconds: Double) throws -> Int {
        for file in files { _ = try Cassette(yaml: file) }
        let (pass, _) = try Stopwatch.time {
            for file in files { _ = try Cassette(yaml: file) }
        }
        return max(1, Int((seconds / max(pass.seconds, 1e-6)).rounded(.up)))
    }
}

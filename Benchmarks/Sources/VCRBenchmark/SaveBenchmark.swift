import Foundation
import VCRCassette

/// Writing cassettes back to bytes, against libyaml's emitter replaying the
/// same documents' events (the floor).
enum SaveBenchmark {
    /// The medians of one workload.
    struct Result {
        /// The cassette bytes one timed run writes (the files' size, times the repetitions).
        var bytes: Int
        var ours: Samples
        var emitter: Samples
    }

    /// Times `repetitions` passes over `files` per run.
    ///
    /// Ours encodes the loaded ``Cassette`` values with `yaml()`. The emitter
    /// is handed the event stream libyaml parsed from the same file, collected
    /// before each timed run, and writes it to a memory buffer: the events are
    /// already built, so the floor leaves out what any writer must do to turn
    /// values into events.
    static func measure(_ files: [Data], repetitions: Int, runs: Int, log: Log) async throws -> Result {
        let cassettes = try files.map { try Cassette(yaml: $0) }
        let pending = PendingStreams()
        let ours = Contender("save: ours", runs: runs) {
            var bytes = 0
            for _ in 0..<repetitions {
                for cassette in cassettes { bytes += cassette.yaml().count }
            }
            return bytes
        }
        let emitter = Contender(
            "save: libyaml emitter", runs: runs,
            prepare: {
                pending.streams = []
                pending.streams = try (0..<repetitions).flatMap { _ in try files.map(EventStream.init(parsing:)) }
            },
            work: {
                var bytes = 0
                for stream in pending.streams { bytes += try stream.emit() }
                return bytes
            })
        let samples = try await SideBySide.run([ours, emitter], log: log)
        pending.streams = []
        return Result(bytes: files.reduce(0) { $0 + $1.count } * repetitions, ours: samples[0], emitter: samples[1])
    }

    /// How many passes over `cassettes` make a run last at least `seconds`, judged by our writer.
    static func repetitions(for files: [Data], seconds: Double) throws -> Int {
        let cassettes = try files.map { try Cassette(yaml: $0) }
        let (pass, _) = Stopwatch.time {
            for cassette in cassettes { keep(cassette.yaml().count) }
        }
        return max(1, Int((seconds / max(pass.seconds, 1e-6)).rounded(.up)))
    }
}

/// The event streams the emitter contender consumes, rebuilt before each run.
private final class PendingStreams {
    var streams: [EventStream] = []
}

/// One side of a comparison: a named piece of work, timed several times.
struct Contender {
    /// The name shown in progress lines.
    var name: String
    /// How many timed runs to take (after ``warmups`` untimed ones).
    var runs: Int
    /// How many untimed runs come first.
    var warmups: Int
    /// Work done before each run (warm-ups included), outside the timing.
    var prepare: () async throws -> Void
    /// The timed work; it returns a checksum that is kept.
    var work: () async throws -> Int

    /// A contender without untimed preparation.
    init(_ name: String, runs: Int, warmups: Int = 1, work: @escaping () async throws -> Int) {
        self.name = name
        self.runs = runs
        self.warmups = warmups
        self.prepare = {}
        self.work = work
    }

    /// A contender whose every run starts with untimed `prepare`.
    init(
        _ name: String, runs: Int, warmups: Int = 1,
        prepare: @escaping () async throws -> Void, work: @escaping () async throws -> Int
    ) {
        self.name = name
        self.runs = runs
        self.warmups = warmups
        self.prepare = prepare
        self.work = work
    }
}

/// The timed runs of one contender, in round order.
struct Samples {
    /// Each run's duration, in the order the rounds ran.
    var durations: [Duration]

    /// The median duration.
    var median: Duration {
        let sorted = durations.sorted()
        guard !sorted.isEmpty else { return .zero }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Time over time against `other`: the median of the ratios of runs taken
    /// in the same round, so that the machine's speed changing between rounds
    /// cancels out.
    func ratio(over other: Samples) -> Double {
        let ratios = zip(durations, other.durations).map { $0.seconds / $1.seconds }.sorted()
        guard !ratios.isEmpty else { return .nan }
        let middle = ratios.count / 2
        return ratios.count % 2 == 1 ? ratios[middle] : (ratios[middle - 1] + ratios[middle]) / 2
    }
}

/// Runs contenders in turns (A B C, A B C, …), so that changes in the
/// machine's speed during the run touch each alike.
enum SideBySide {
    /// The timed runs of each contender, in the order given.
    static func run(_ contenders: [Contender], log: Log) async throws -> [Samples] {
        for contender in contenders {
            for _ in 0..<contender.warmups {
                try await contender.prepare()
                keep(try await contender.work())
            }
        }
        var samples = Array(repeating: Samples(durations: []), count: contenders.count)
        let rounds = contenders.map(\.runs).max() ?? 0
        for round in 0..<rounds {
            for (position, contender) in contenders.enumerated() where round < contender.runs {
                try await contender.prepare()
                let (duration, checksum) = try await Stopwatch.time { try await contender.work() }
                keep(checksum)
                samples[position].durations.append(duration)
            }
        }
        for (contender, result) in zip(contenders, samples) {
            log.detail("\(contender.name): median \(Format.milliseconds(result.median)) of \(contender.runs) runs")
        }
        return samples
    }
}

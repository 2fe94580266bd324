import Foundation
import VCRCassette

/// One run of every measurement, in order, filling the report.
struct BenchmarkRun {
    let settings: Settings
    private let log: Log
    private var report = Report()

    init(settings: Settings) {
        self.settings = settings
        log = Log(isVerbose: settings.isVerbose)
    }

    mutating func run() async throws {
        let workspace = FileManager.default.temporaryDirectory
            .appendingPathComponent("vcr-benchmark-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: workspace) }

        let phases = settings.phases
        if !phases.isDisjoint(with: [.load, .save, .memory]) {
            log.phase("reading the corpus at \(settings.corpus.path)")
            let corpus = try Corpus(folder: settings.corpus).files.map(\.bytes)
            log.phase("generating a cassette of \(settings.largeInteractions) interactions")
            let large = try generateLarge(in: workspace)
            if phases.contains(.load) { try await measureLoad(corpus: corpus, large: large.bytes) }
            if phases.contains(.save) { try await measureSave(corpus: corpus, large: large.bytes) }
            if phases.contains(.memory) { try measureMemory(large: large) }
            addInputNotes(corpusFiles: corpus.count, corpusBytes: corpus.reduce(0) { $0 + $1.count })
        }
        if phases.contains(.replay) { try await measureReplay() }
        addNotes()
        print(report.render())
    }

    // MARK: Inputs

    /// The generated cassette, written with our writer and read back as bytes.
    private func generateLarge(in workspace: URL) throws -> (url: URL, bytes: Data) {
        var generator = SyntheticCassette()
        let cassette = generator.cassette(interactions: settings.largeInteractions, streamBytes: ReplayWorkload.streamBytes)
        let url = workspace.appendingPathComponent("large.yaml")
        try cassette.write(to: url)
        let bytes = try Data(contentsOf: url)
        log.detail("wrote \(Format.megabytes(bytes.count)) to \(url.path)")
        return (url, bytes)
    }

    // MARK: Load

    private mutating func measureLoad(corpus: [Data], large: Data) async throws {
        log.phase("load: corpus")
        let repetitions = try LoadBenchmark.repetitions(for: corpus, seconds: settings.corpusRunSeconds)
        let onCorpus = try await LoadBenchmark.measure(
            corpus, repetitions: repetitions, runs: settings.corpusRuns, yamsRuns: settings.corpusRuns, log: log)
        log.phase("load: generated \(Format.megabytes(large.count)) cassette")
        let onLarge = try await LoadBenchmark.measure(
            [large], repetitions: 1, runs: settings.largeRuns, yamsRuns: settings.largeYamsRuns, log: log)

        let largeName = "\(Format.megabytes(large.count)) SSE"
        var worstScan = 0.0
        var worstYams = Double.infinity
        for (name, result) in [("corpus ×\(repetitions)", onCorpus), (largeName, onLarge)] {
            let overScan = result.ours.seconds / result.scan.seconds
            let yamsOver = result.yams.seconds / result.ours.seconds
            worstScan = max(worstScan, overScan)
            worstYams = min(worstYams, yamsOver)
            report.add(Report.Row(
                figure: "load \(name) vs libyaml scan",
                ours: Format.throughput(result.bytes, result.ours),
                baseline: Format.throughput(result.bytes, result.scan) + " scan",
                ratio: Format.number(overScan) + " ours/scan", target: "≤ 1.30", isMet: overScan <= 1.3))
            report.add(Report.Row(
                figure: "load \(name) vs Yams",
                ours: Format.throughput(result.bytes, result.ours),
                baseline: Format.throughput(result.bytes, result.yams) + " Yams",
                ratio: Format.number(yamsOver) + " Yams/ours", target: "≥ 3.00", isMet: yamsOver >= 3))
        }
        report.headline("load_vs_libyaml", worstScan)
        report.headline("load_vs_yams", worstYams)
    }

    // MARK: Save

    private mutating func measureSave(corpus: [Data], large: Data) async throws {
        log.phase("save: corpus")
        let repetitions = try SaveBenchmark.repetitions(for: corpus, seconds: settings.corpusRunSeconds)
        let onCorpus = try await SaveBenchmark.measure(corpus, repetitions: repetitions, runs: settings.corpusRuns, log: log)
        log.phase("save: generated cassette")
        let onLarge = try await SaveBenchmark.measure([large], repetitions: 1, runs: settings.largeRuns, log: log)
        var worst = 0.0
        for (name, result) in [("corpus ×\(repetitions)", onCorpus), ("\(Format.megabytes(large.count)) SSE", onLarge)] {
            let ratio = result.ours.seconds / result.emitter.seconds
            worst = max(worst, ratio)
            report.add(Report.Row(
                figure: "save \(name) vs libyaml emitter",
                ours: Format.throughput(result.bytes, result.ours),
                baseline: Format.throughput(result.bytes, result.emitter) + " emitter",
                ratio: Format.number(ratio) + " ours/emitter", target: "-", isMet: nil))
        }
        report.headline("save_vs_libyaml", worst)
    }

    // MARK: Memory

    private mutating func measureMemory(large: (url: URL, bytes: Data)) throws {
        log.phase("memory: peak RSS loading the generated cassette, in a child process")
        let result = try PeakMemory.measure(file: large.url)
        let ratio = Double(result.peak) / Double(large.bytes.count)
        report.add(Report.Row(
            figure: "peak RSS loading \(Format.megabytes(large.bytes.count))",
            ours: Format.megabytes(result.peak),
            baseline: Format.megabytes(large.bytes.count) + " file",
            ratio: Format.number(ratio) + " peak/file", target: "< 2.50", isMet: ratio < 2.5))
        report.note(
            "Peak RSS is the child's whole VmHWM after `Cassette(contentsOf:)`, its own baseline of "
                + "\(Format.megabytes(result.baseline)) before loading included.")
        report.headline("load_peak_rss_over_file", ratio)
    }

    // MARK: Replay

    private mutating func measureReplay() async throws {
        log.phase("replay: \(settings.replayRequests) requests per run through URLSession")
        let workload = ReplayWorkload(count: settings.replayRequests)
        let result = try await ReplayBenchmark.measure(workload, runs: settings.replayRuns, log: log)
        let overFloor = result.ours.seconds / result.floor.seconds
        let loopbackOver = result.loopback.seconds / result.ours.seconds
        func rate(_ duration: Duration) -> String {
            Format.number(Double(result.requests) / duration.seconds, digits: 0) + " req/s"
        }
        report.add(Report.Row(
            figure: "replay vs constant URLProtocol", ours: rate(result.ours),
            baseline: rate(result.floor) + " floor",
            ratio: Format.number(overFloor) + " ours/floor", target: "≤ 1.50", isMet: overFloor <= 1.5))
        report.add(Report.Row(
            figure: "replay vs loopback HTTP server", ours: rate(result.ours),
            baseline: rate(result.loopback) + " loopback",
            ratio: Format.number(loopbackOver) + " loopback/ours", target: "≥ 3.00", isMet: loopbackOver >= 3))
        report.note(
            "Replay: \(result.requests) POSTs with distinct JSON bodies to one URL, sent one after another with "
                + "`data(for:)`, each answered by a \(ReplayWorkload.responseBody.count)-byte event stream; "
                + "a new session (and VCR) per run, made before the timing; the loopback server is SwiftNIO HTTP/1.1 on 127.0.0.1.")
        report.headline("replay_vs_floor", overFloor)
        report.headline("replay_vs_loopback", loopbackOver)
    }

    // MARK: Notes

    private mutating func addInputNotes(corpusFiles: Int, corpusBytes: Int) {
        report.note(
            "Corpus: \(corpusFiles) cassettes, \(Format.megabytes(corpusBytes)), repeated until a run lasts "
                + "\(Format.number(settings.corpusRunSeconds, digits: 2)) s. Medians of runs taken in turns; MB = 10^6 bytes.")
        report.note(
            "Load starts from bytes in memory for every contender: ours is `Cassette(yaml:)`, the scan is "
                + "yaml_parser_parse + yaml_event_delete, Yams is `Yams.compose(yaml:)` on a String made before the timing.")
        report.note(
            "Save: ours is `Cassette.yaml()` from loaded values; the floor is yaml_emitter_emit of the same file's "
                + "events (parsed before each timed run) into a memory buffer.")
        report.note(
            "Every libyaml call in this binary, ours included, runs Yams's bundled copy of libyaml 0.2.5, "
                + "which the linker prefers to the system library, so the ratios compare like with like.")
    }

    private mutating func addNotes() {
        report.note("Machine: \(Machine.summary).")
        if settings.isQuick {
            report.note("QUICK RUN: small inputs and few runs; the figures are a smoke test, not results.")
        }
    }
}

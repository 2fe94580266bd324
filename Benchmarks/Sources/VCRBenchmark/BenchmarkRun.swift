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
        let start = Machine.CPUTime.now
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
        if phases.contains(.open) { try await measureOpen() }
        if phases.contains(.match) { try await measureMatch() }
        if phases.contains(.replay) { try await measureReplay() }
        if phases.contains(.server) { try await measureServer() }
        addNotes(stealPercent: Machine.CPUTime.now.stealPercent(since: start))
        print(report.render())
    }

    // MARK: Inputs

    /// The generated cassette, written with our writer and read back as bytes.
    private func generateLarge(in workspace: URL) throws -> (url: URL, bytes: Data) {
        var generator = SyntheticCassette()
        let cassette = generator.cassette(
            interactions: settings.largeInteractions, streamBytes: ReplayWorkload.streamBytes)
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
            let overScan = result.ours.ratio(over: result.scan)
            let yamsOver = result.yams.ratio(over: result.ours)
            worstScan = max(worstScan, overScan)
            worstYams = min(worstYams, yamsOver)
            report.add(
                Report.Row(
                    figure: "load \(name) vs libyaml scan",
                    ours: Format.throughput(result.bytes, result.ours.median),
                    baseline: Format.throughput(result.bytes, result.scan.median) + " scan",
                    ratio: Format.number(overScan) + " ours/scan", target: "≤ 1.30", isMet: overScan <= 1.3))
            report.add(
                Report.Row(
                    figure: "load \(name) vs Yams",
                    ours: Format.throughput(result.bytes, result.ours.median),
                    baseline: Format.throughput(result.bytes, result.yams.median) + " Yams",
                    ratio: Format.number(yamsOver) + " Yams/ours", target: "≥ 3.00", isMet: yamsOver >= 3))
        }
        report.headline("load_vs_libyaml", worstScan)
        report.headline("load_vs_yams", worstYams)
    }

    // MARK: Save

    private mutating func measureSave(corpus: [Data], large: Data) async throws {
        log.phase("save: corpus")
        let repetitions = try SaveBenchmark.repetitions(for: corpus, seconds: settings.corpusRunSeconds)
        let onCorpus = try await SaveBenchmark.measure(
            corpus, repetitions: repetitions, runs: settings.corpusRuns, log: log)
        log.phase("save: generated cassette")
        let onLarge = try await SaveBenchmark.measure([large], repetitions: 1, runs: settings.largeSaveRuns, log: log)
        var worst = 0.0
        for (name, result) in [("corpus ×\(repetitions)", onCorpus), ("\(Format.megabytes(large.count)) SSE", onLarge)]
        {
            let ratio = result.ours.ratio(over: result.emitter)
            worst = max(worst, ratio)
            report.add(
                Report.Row(
                    figure: "save \(name) vs libyaml emitter",
                    ours: Format.throughput(result.bytes, result.ours.median),
                    baseline: Format.throughput(result.bytes, result.emitter.median) + " emitter",
                    ratio: Format.number(ratio) + " ours/emitter", target: "-", isMet: nil))
        }
        report.headline("save_vs_libyaml", worst)
    }

    // MARK: Memory

    private mutating func measureMemory(large: (url: URL, bytes: Data)) throws {
        log.phase("memory: peak RSS loading the generated cassette, in a child process")
        let result = try PeakMemory.measure(file: large.url)
        let ratio = Double(result.peak) / Double(large.bytes.count)
        report.add(
            Report.Row(
                figure: "peak RSS loading \(Format.megabytes(large.bytes.count))",
                ours: Format.megabytes(result.peak),
                baseline: Format.megabytes(large.bytes.count) + " file",
                ratio: Format.number(ratio) + " peak/file", target: "< 2.50", isMet: ratio < 2.5))
        report.note(
            "Peak RSS is the child's whole VmHWM after `Cassette(contentsOf:)`, its own baseline of "
                + "\(Format.megabytes(result.baseline)) before loading included.")
        report.headline("load_peak_rss_over_file", ratio)
    }

    // MARK: Open

    private mutating func measureOpen() async throws {
        log.phase("open: a VCR on each corpus cassette")
        let files = OpenBenchmark.replayable(try Corpus(folder: settings.corpus))
        let result = try await OpenBenchmark.measure(files, repetitions: 1, runs: settings.corpusRuns, log: log)
        let ratio = result.ours.ratio(over: result.load)
        func perFile(_ duration: Duration) -> String {
            Format.number(duration.seconds / Double(result.files) * 1e6, digits: 0) + " µs"
        }
        report.add(
            Report.Row(
                figure: "open a VCR vs load its cassette", ours: perFile(result.ours.median),
                baseline: perFile(result.load.median) + " load",
                ratio: Format.number(ratio) + " open/load", target: "≤ 1.20", isMet: ratio <= 1.2))
        report.note(
            "Open: `VCR(cassette:)` (mode from `VCR_RECORD`) on each of the \(files.count) replayable corpus "
                + "cassettes against `Cassette(contentsOf:)` of the same files, per cassette.")
        report.headline("vcr_open_vs_load", ratio)
    }

    // MARK: Match

    private mutating func measureMatch() async throws {
        var results: [MatchBenchmark.Result] = []
        for size in settings.matchSizes {
            log.phase("match: cassette of \(size) interactions, one URL, distinct JSON bodies")
            let workload = MatchWorkload(
                size: size, requests: min(size, settings.matchRequests), lookups: min(size, settings.matchLookups))
            results.append(
                try await MatchBenchmark.measure(
                    workload, runs: settings.matchRuns, lookupsPerRun: settings.matchLookups, log: log))
        }
        for result in results {
            let microseconds = result.microsecondsPerLookup
            report.add(
                Report.Row(
                    figure: "match in \(result.size) interactions",
                    ours: Format.number(microseconds, digits: 2) + " µs",
                    baseline: "-", ratio: "-", target: "< 2 µs", isMet: microseconds < 2))
            report.headline("match_us_\(result.size)", microseconds, digits: 2)
        }
        if let first = results.first, let last = results.last, first.microsecondsPerLookup > 0 {
            let growth = last.microsecondsPerLookup / first.microsecondsPerLookup
            report.add(
                Report.Row(
                    figure: "match flatness \(first.size) → \(last.size)",
                    ours: Format.number(last.microsecondsPerLookup, digits: 2) + " µs",
                    baseline: Format.number(first.microsecondsPerLookup, digits: 2) + " µs at \(first.size)",
                    ratio: Format.number(growth) + " large/small", target: "≤ 2.00", isMet: growth <= 2))
        }
        for result in results {
            report.add(
                Report.Row(
                    figure: "request via VCR.session in \(result.size), above floor",
                    ours: Format.number(result.microsecondsPerRequestAboveFloor, digits: 1) + " µs",
                    baseline: Format.number(result.floor.median.seconds / Double(result.requests) * 1e6, digits: 1)
                        + " µs floor",
                    ratio: "-", target: "-", isMet: nil))
        }
        report.note(
            "Match: `VCR.consumeInteraction(for:)`, the lookup every intercepted request goes through (redaction, "
                + "preparing the request, finding and marking its interaction), per lookup: up to "
                + "\(settings.matchLookups) distinct interactions per run in random order, in new VCRs made before "
                + "the timing. \"Flat\" is read as the largest cassette's figure within 2× the smallest's. The "
                + "\"via VCR.session\" rows are a whole request through URLSession minus the same request through the "
                + "constant URLProtocol (\(settings.matchRequests) requests per run): the interceptor's whole cost.")
    }

    // MARK: Replay

    private mutating func measureReplay() async throws {
        log.phase("replay: \(settings.replayRequests) requests per run through URLSession")
        let workload = ReplayWorkload(count: settings.replayRequests)
        let result = try await ReplayBenchmark.measure(workload, runs: settings.replayRuns, log: log)
        let overFloor = result.ours.ratio(over: result.floor)
        let loopbackOver = result.loopback.ratio(over: result.ours)
        let repeatsOverFloor = result.repeats.ratio(over: result.floor)
        let getsOverFloor = result.gets.ratio(over: result.floor)
        func rate(_ duration: Duration) -> String {
            Format.number(Double(result.requests) / duration.seconds, digits: 0) + " req/s"
        }
        report.add(
            Report.Row(
                figure: "replay vs constant URLProtocol", ours: rate(result.ours.median),
                baseline: rate(result.floor.median) + " floor",
                ratio: Format.number(overFloor) + " ours/floor", target: "≤ 1.15", isMet: overFloor <= 1.15))
        report.add(
            Report.Row(
                figure: "replay vs loopback HTTP server", ours: rate(result.ours.median),
                baseline: rate(result.loopback.median) + " loopback",
                ratio: Format.number(loopbackOver) + " loopback/ours", target: "≥ 3.00", isMet: loopbackOver >= 3))
        report.add(
            Report.Row(
                figure: "replay of one interaction repeated vs floor", ours: rate(result.repeats.median),
                baseline: rate(result.floor.median) + " floor",
                ratio: Format.number(repeatsOverFloor) + " ours/floor", target: "-", isMet: nil))
        report.add(
            Report.Row(
                figure: "replay of GETs without a body vs floor", ours: rate(result.gets.median),
                baseline: rate(result.floor.median) + " floor",
                ratio: Format.number(getsOverFloor) + " ours/floor", target: "-", isMet: nil))
        report.note(
            "Replay: \(result.requests) POSTs with distinct JSON bodies to one URL, sent one after another with "
                + "`data(for:)`, each answered by a \(ReplayWorkload.responseBody.count)-byte event stream; "
                + "a new session (and VCR) per run, made before the timing; the floor answers with the first "
                + "interaction's head (its \(ReplayWorkload.responseHead.fields.count) header fields and HTTP version) "
                + "and body, from a session configured as the VCR's (ephemeral, no URLCache); the loopback server is "
                + "SwiftNIO HTTP/1.1 on 127.0.0.1. Repeated: the first request sent as many times to a VCR over "
                + "the first interaction alone with `allowsRepeats`, which keeps its `HTTPURLResponse`. GETs: the same "
                + "requests as GETs without a body, to a VCR over the same interactions recorded so.")
        report.headline("replay_vs_floor", overFloor)
        report.headline("replay_vs_loopback", loopbackOver)
        report.headline("replay_repeat_vs_floor", repeatsOverFloor)
        report.headline("replay_get_vs_floor", getsOverFloor)
        try await measureStream()
    }

    private mutating func measureStream() async throws {
        let events = StreamBenchmark.events
        log.phase("replay: \(settings.streamRequests) streams of \(events) events per run to a data delegate")
        let result = try await StreamBenchmark.measure(
            StreamBenchmark.workload(count: settings.streamRequests), runs: settings.replayRuns, log: log)
        let overFloor = result.ours.ratio(over: result.floor)
        func rate(_ duration: Duration) -> String {
            Format.number(Double(result.requests) / duration.seconds, digits: 0) + " req/s"
        }
        report.add(
            Report.Row(
                figure: "stream of \(events) events vs streaming URLProtocol", ours: rate(result.ours.median),
                baseline: rate(result.floor.median) + " floor",
                ratio: Format.number(overFloor) + " ours/floor", target: "≤ 1.15", isMet: overFloor <= 1.15))
        report.note(
            "Stream: \(result.requests) POSTs like the replay's, each answered by a \(events)-event stream that a data "
                + "task delivers to its session's data delegate event by event; the floor is a URLProtocol that sends "
                + "the first interaction's head and the same \(events) chunks; both sessions are ephemeral without a "
                + "URLCache (ours from `makeConfiguration()`); a new session (and VCR) per run, made before the timing."
        )
        report.headline("replay_stream_vs_floor", overFloor)
    }

    // MARK: Server

    private mutating func measureServer() async throws {
        log.phase("server: \(settings.serverRequests) requests per run through the cassette server")
        let result = try await ServerBenchmark.measure(
            count: settings.serverRequests, runs: settings.serverRuns, log: log)
        func rate(_ duration: Duration) -> String {
            Format.number(Double(result.requests) / duration.seconds, digits: 0) + " req/s"
        }
        let sequential = result.sequential.ratio(over: result.sequentialFloor)
        let concurrent = result.concurrent.ratio(over: result.concurrentFloor)
        let wholeSequential = result.sequential.ratio(over: result.sequentialWholeFloor)
        let wholeConcurrent = result.concurrent.ratio(over: result.concurrentWholeFloor)
        let connections = ServerBenchmark.connections
        report.add(
            Report.Row(
                figure: "cassette server, 1 connection, vs NIO floor", ours: rate(result.sequential.median),
                baseline: rate(result.sequentialFloor.median) + " floor",
                ratio: Format.number(sequential) + " ours/floor", target: "≤ 1.30", isMet: sequential <= 1.3))
        report.add(
            Report.Row(
                figure: "cassette server, \(connections) connections, vs NIO floor",
                ours: rate(result.concurrent.median),
                baseline: rate(result.concurrentFloor.median) + " floor",
                ratio: Format.number(concurrent) + " ours/floor", target: "≤ 1.30", isMet: concurrent <= 1.3))
        report.note(
            "Server: \(result.requests) POSTs with distinct JSON bodies to one URL per run, over one keep-alive "
                + "connection and over \(connections) at once, each answered by a \(ServerBenchmark.streamBytes)-byte "
                + "event stream (sent as one HTTP chunk per event); a new CassetteServer (and VCR) per run, made "
                + "before the timing. The floor is a SwiftNIO HTTP/1.1 server on the same event loops answering "
                + "every request with the same bytes (the first interaction's fields and stream, one chunk per event) "
                + "through the same pipeline (no outbound header validation); the client is the same SwiftNIO client. "
                + "Against a floor sending the stream in one buffer with a "
                + "Content-Length: \(Format.number(wholeSequential)) and \(Format.number(wholeConcurrent)) ours/floor.")
        report.headline("server_vs_floor", max(sequential, concurrent))
        report.headline("server_rps_16", Double(result.requests) / result.concurrent.median.seconds, digits: 0)
    }

    // MARK: Notes

    private mutating func addInputNotes(corpusFiles: Int, corpusBytes: Int) {
        report.note(
            "Corpus: \(corpusFiles) cassettes, \(Format.megabytes(corpusBytes)), repeated until a run lasts "
                + "\(Format.number(settings.corpusRunSeconds, digits: 2)) s; the generated cassette: "
                + "\(settings.largeInteractions) POSTs to one URL with ~700-byte JSON bodies, each answered by a "
                + "~\(ReplayWorkload.streamBytes)-byte event stream, written by `Cassette.write(to:)`.")
        report.note(
            "Load starts from bytes in memory for every contender: ours is `Cassette(yaml:)`, the scan is "
                + "yaml_parser_parse + yaml_event_delete, Yams is `Yams.compose(yaml:)` on a String made before the timing."
        )
        report.note(
            "Save: ours is `Cassette.yaml()` from loaded values; the floor is yaml_emitter_emit of the same file's "
                + "events (parsed before each timed run) into a memory buffer.")
        report.note(
            "Every libyaml call in this binary, ours included, runs Yams's bundled copy of libyaml 0.2.5, "
                + "which the linker prefers to the system library, so the ratios compare like with like.")
    }

    private mutating func addNotes(stealPercent: Double?) {
        report.note(
            "Runs are taken in turns (A B C, A B C, …) after a warm-up; rates are medians, ratios the median "
                + "of same-round ratios (time over time); MB = 10^6 bytes.")
        report.note("Machine: \(Machine.summary).")
        if let stealPercent {
            report.note(
                "CPU time the hypervisor gave to other guests during the run (steal, from /proc/stat): "
                    + "\(Format.number(stealPercent, digits: 1)) % of the machine's; wall-clock ratios of runs "
                    + "with more than a few percent are not comparable with each other.")
            report.headline("cpu_steal_percent", stealPercent, digits: 1)
        }
        if settings.isQuick {
            report.note("QUICK RUN: small inputs and few runs; the figures are a smoke test, not results.")
        }
    }
}

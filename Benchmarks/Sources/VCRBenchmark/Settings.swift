import Foundation

/// What a run measures and how long it takes: the full run, or `--quick`.
struct Settings {
    /// A part of the run that `--only` can pick.
    enum Phase: String, CaseIterable {
        case load, save, memory, open, match, replay, server
    }

    /// The parts to run; all of them unless `--only` names some.
    var phases = Set(Phase.allCases)
    /// Whether this is the short smoke run.
    var isQuick = false
    /// Whether per-contender medians are shown on standard error.
    var isVerbose = false
    /// The folder of corpus cassettes.
    var corpus: URL = Settings.defaultCorpus

    /// How long one timed run over the corpus lasts at least, in seconds.
    var corpusRunSeconds: Double { isQuick ? 0.02 : 0.15 }
    /// Timed runs per contender over the corpus.
    var corpusRuns: Int { isQuick ? 3 : 11 }
    /// Interactions in the large generated cassette (10,000 make about 100 MB).
    var largeInteractions: Int { isQuick ? 500 : 10_000 }
    /// Timed runs per fast contender over the large cassette.
    var largeRuns: Int { isQuick ? 1 : 7 }
    /// Timed runs per contender saving the large cassette (our writer takes seconds).
    var largeSaveRuns: Int { isQuick ? 1 : 3 }
    /// Timed runs of Yams over the large cassette (it is the slowest contender).
    var largeYamsRuns: Int { isQuick ? 1 : 5 }
    /// The cassette sizes of the match figures.
    var matchSizes: [Int] { [10, 1_000, 10_000] }
    /// Requests through URLSession per timed match run (fewer when the cassette is smaller).
    var matchRequests: Int { isQuick ? 20 : 100 }
    /// Lookups per timed lookup run: distinct interactions, in as many VCRs
    /// as a small cassette needs to make up the number.
    var matchLookups: Int { isQuick ? 200 : 10_000 }
    /// Timed runs per match measurement.
    var matchRuns: Int { isQuick ? 3 : 11 }
    /// Requests per timed replay run.
    var replayRequests: Int { isQuick ? 50 : 400 }
    /// Streams per timed stream run.
    var streamRequests: Int { isQuick ? 30 : 200 }
    /// Timed replay runs per contender.
    var replayRuns: Int { isQuick ? 3 : 9 }
    /// Requests per timed run through the cassette server.
    var serverRequests: Int { isQuick ? 200 : 2_000 }
    /// Timed runs per cassette server contender.
    var serverRuns: Int { isQuick ? 3 : 9 }

    /// The repository's test corpus, `Tests/Fixtures/corpus`, found from this file's path.
    static var defaultCorpus: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // VCRBenchmark
            .deletingLastPathComponent()  // Sources
            .deletingLastPathComponent()  // Benchmarks
            .deletingLastPathComponent()  // the repository
            .appendingPathComponent("Tests/Fixtures/corpus")
    }

    static let usage = """
        usage: vcr-benchmark [--quick] [--verbose] [--corpus DIR] [--only PHASE,…]

        Measures loading, saving, matching and replaying cassettes against
        libyaml, Yams, a constant URLProtocol and a loopback HTTP server, and
        the cassette server against a constant SwiftNIO server; prints
        a table, then one `name=value` line per headline figure.

          --quick        a short smoke run (small inputs, few runs)
          --verbose      show every contender's median on standard error
          --corpus DIR   the cassettes to load and save (default: Tests/Fixtures/corpus)
          --only PHASES  run only these of load, save, memory, open, match, replay, server (comma-separated)

        For a profiler, one workload alone, then exit:
          vcr-benchmark --open-once vcr|load|none|yaml|scan|bytes DIR
          vcr-benchmark --load-turns PASSES DIR
          vcr-benchmark --replay-once ours|floor|stream-ours|stream-floor|lookup|none|stream-none COUNT
        """

    /// Reads the command line; nil (after printing why) when it is not understood.
    init?(arguments: [String]) {
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            switch argument {
            case "--quick": isQuick = true
            case "--verbose": isVerbose = true
            case "--corpus":
                guard let path = remaining.popFirst() else {
                    FileHandle.standardError.write(Data("--corpus needs a folder\n\(Self.usage)\n".utf8))
                    return nil
                }
                corpus = URL(fileURLWithPath: path)
            case "--only":
                let names = remaining.popFirst()?.split(separator: ",").map(String.init) ?? []
                let picked = names.compactMap(Phase.init(rawValue:))
                guard !picked.isEmpty, picked.count == names.count else {
                    FileHandle.standardError.write(
                        Data(
                            "--only needs phases among load, save, memory, open, match, replay, server\n\(Self.usage)\n"
                                .utf8))
                    return nil
                }
                phases = Set(picked)
            default:
                FileHandle.standardError.write(Data("unknown argument `\(argument)`\n\(Self.usage)\n".utf8))
                return nil
            }
        }
    }
}

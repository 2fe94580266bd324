import Dispatch
import VCRCassette

/// What changes while a VCR replays: which interactions were used, what was
/// recorded, and the failures.
struct ReplayState: Sendable {
    /// For each interaction, the serial number of the last request it answered;
    /// 0 if none, so that it also tells whether the interaction was used.
    var lastServed: [Int]
    /// For each group of the index, how many of its first interactions are
    /// known to be used: the search for an unused match starts there.
    var usedPrefix: [Int]
    /// The number of requests answered so far.
    var servedCount = 0
    var unmatchedRequests: [MismatchError] = []
    var failedRequests: [ReplayError] = []
    /// The interactions recorded so far, redacted, numbered after the cassette's own.
    var recorded: [Interaction] = []
    /// Whether a request came through the interceptor while the VCR recorded.
    var sawRequest = false
    /// The requests whose forwarding failed while recording, each with its error, redacted.
    var failedRecordings: [String] = []
    /// The requests let through to the network untouched, as the report lists them.
    var passedThrough: [String] = []
    /// Whether ``VCR/stop()`` took what it saves and reports: no request is answered any more.
    var isStopped = false
    /// The report, once ``VCR/stop()`` built it.
    var finalReport: ReplayReport?
    /// The recordings that failed after their clients had gone, by number:
    /// what had arrived of each is among ``recorded``.
    var cutShort: [Int: CutShortRecording] = [:]
    /// The requests being recorded whose responses have not ended, by number.
    var inFlight: [Int: InFlightRecording] = [:]
    /// How many recordings were started, which numbers the next one.
    var startedRecordings = 0
    /// Whether ``VCR/stop()`` began: no recording starts any more.
    var isStopping = false
    /// Signalled when the last recording in flight ends, for each ``VCR/stop()`` waiting.
    var inFlightWaiters: [DispatchSemaphore] = []

    init(interactionCount: Int, groupCount: Int) {
        lastServed = Array(repeating: 0, count: interactionCount)
        usedPrefix = Array(repeating: 0, count: groupCount)
    }

    /// Whether each interaction, by position, has answered a request.
    var used: [Bool] {
        lastServed.map { $0 != 0 }
    }

    /// Whether the interaction at `position` has answered a request.
    func isUsed(_ position: Int) -> Bool {
        lastServed[position] != 0
    }

    /// Where the search for an unused interaction of `group`, whose positions
    /// are `positions`, starts: past its used prefix, which is brought up to date.
    mutating func firstUnusedOffset(group: Int, positions: [Int]) -> Int {
        var offset = usedPrefix[group]
        while offset < positions.count, isUsed(positions[offset]) { offset += 1 }
        usedPrefix[group] = offset
        return offset
    }

    /// Marks the interaction at `position` as having answered a request.
    mutating func serve(_ position: Int) {
        servedCount += 1
        lastServed[position] = servedCount
    }
}

import VCRCassette

/// What changes while a VCR replays: which interactions were used, and the failures.
struct ReplayState: Sendable {
    /// Whether each interaction, by position, has answered a request.
    var used: [Bool]
    /// For each interaction, the serial number of the last request it answered; 0 if none.
    var lastServed: [Int]
    /// The number of requests answered so far.
    var servedCount = 0
    var unmatchedRequests: [MismatchError] = []
    var failedRequests: [ReplayError] = []
    /// The report, once the VCR is stopped.
    var finalReport: ReplayReport?

    init(interactionCount: Int) {
        used = Array(repeating: false, count: interactionCount)
        lastServed = Array(repeating: 0, count: interactionCount)
    }

    /// Marks the interaction at `position` as having answered a request.
    mutating func serve(_ position: Int) {
        servedCount += 1
        used[position] = true
        lastServed[position] = servedCount
    }
}

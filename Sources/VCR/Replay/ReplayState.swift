import VCRCassette

/// What changes while a VCR replays: which interactions were used, what was
/// recorded, and the failures.
struct ReplayState: Sendable {
    /// Whether each interaction, by position, has answered a request.
    var used: [Bool]
    /// For each interaction, the serial number of the last request it answered; 0 if none.
    var lastServed: [Int]
    /// For each bucket of the index, how many of its first interactions are used:
    /// the search for an unused match starts there.
    var usedPrefix: [Int]
    /// The number of requests answered so far.
    var servedCount = 0
    var unmatchedRequests: [MismatchError] = []
    var failedRequests: [ReplayError] = []
    /// The interactions recorded so far, redacted, numbered after the cassette's own.
    var recorded: [Interaction] = []
    /// The report, once the VCR is stopped.
    var finalReport: ReplayReport?

    init(interactionCount: Int, bucketCount: Int) {
        used = Array(repeating: false, count: interactionCount)
        lastServed = Array(repeating: 0, count: interactionCount)
        usedPrefix = Array(repeating: 0, count: bucketCount)
    }

    /// Marks the interaction at `position`, of the bucket holding `positions`,
    /// as having answered a request.
    mutating func serve(_ position: Int, bucket: Int, positions: [Int]) {
        servedCount += 1
        used[position] = true
        lastServed[position] = servedCount
        while usedPrefix[bucket] < positions.count, used[positions[usedPrefix[bucket]]] {
            usedPrefix[bucket] += 1
        }
    }
}

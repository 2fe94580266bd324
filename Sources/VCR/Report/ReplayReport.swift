import VCRCassette

/// What happened while a VCR replayed its cassette, returned by ``VCR/stop()``.
///
/// Test glue checks it from the test's own scope: failures raised inside the
/// interceptor, on URLSession's threads, would be attributed to no test.
public struct ReplayReport: Sendable, CustomStringConvertible {
    /// The cassette's path.
    public let cassettePath: String
    /// The number of interactions in the cassette.
    public let interactionCount: Int
    /// The number of requests answered from the cassette.
    public let servedCount: Int
    /// The requests no interaction matched, in the order they came.
    public let unmatchedRequests: [MismatchError]
    /// The requests that failed before they could be matched.
    public let failedRequests: [ReplayError]
    /// The interactions no request used, in file order.
    public let unusedInteractions: [Interaction]
    /// The interactions recorded from the network, redacted, in the order
    /// they finished; their ids follow the cassette's own interactions.
    public let recordedInteractions: [Interaction]
    /// The recordings whose responses were still arriving when ``VCR/stop()``
    /// stopped waiting (``VCR/Options/inFlightRecordingTimeout``), in the order
    /// they started; what had arrived of each is among ``recordedInteractions``
    /// and saved. A check fails on them: the cassette misses part of a response.
    public let cutShortRecordings: [CutShortRecording]
    /// The requests ``VCR/Options/passthrough`` let through to the network,
    /// untouched and not recorded, as `METHOD URL` (the URL redacted), in order.
    public let passedThroughRequests: [String]
    /// Whether the cassette file was written when the VCR stopped.
    public let isSaved: Bool
    /// Why the recorded cassette was not saved; empty when it was, or when
    /// there was nothing to save.
    public let saveErrors: [SaveError]

    /// Whether every request was answered, every interaction used and the
    /// recording saved whole.
    public var isClean: Bool {
        !hasFailedRequests && unusedInteractions.isEmpty && saveErrors.isEmpty && cutShortRecordings.isEmpty
    }

    /// Whether some request was not answered.
    public var hasFailedRequests: Bool {
        !unmatchedRequests.isEmpty || !failedRequests.isEmpty
    }

    /// Whether unused interactions are accepted when nothing says otherwise,
    /// here and in the test glue (`.cassette`, `withCassette`): true, as Ruby
    /// VCR's `allow_unused_http_interactions` and go-vcr, which never checks.
    public static let allowsUnusedByDefault = true

    /// Throws when a request was not answered, when the recording could not be
    /// saved or was cut short, and, when `allowingUnused` is false, when an
    /// interaction was left unused.
    public func check(allowingUnused: Bool = ReplayReport.allowsUnusedByDefault) throws(ReplayFailure) {
        if hasFailedRequests || !saveErrors.isEmpty || !cutShortRecordings.isEmpty
            || (!allowingUnused && !unusedInteractions.isEmpty)
        {
            throw ReplayFailure(report: self, allowingUnused: allowingUnused)
        }
    }

    /// A summary: the counts, what was recorded and saved, then one line per
    /// failed request, unused interaction, recording cut short and save error.
    public var description: String {
        var lines = [
            "VCR replayed \(cassettePath): \(servedCount) request\(servedCount == 1 ? "" : "s") answered, "
                + "\(unmatchedRequests.count + failedRequests.count) failed, "
                + "\(unusedInteractions.count) of \(interactionCount) interactions unused."
        ]
        if !recordedInteractions.isEmpty || isSaved {
            lines.append(
                "Recorded \(recordedInteractions.count) interaction\(recordedInteractions.count == 1 ? "" : "s"); "
                    + (isSaved ? "saved \(cassettePath)." : "not saved."))
        }
        lines += passedThroughRequests.map { "passed through: \($0)" }
        lines += unmatchedRequests.map { "unmatched: \($0.request.method) \($0.request.url)" }
        lines += failedRequests.map { "failed: \($0)" }
        lines += unusedInteractions.map { "unused: #\($0.id) \($0.request.method) \($0.request.url)" }
        lines += cutShortRecordings.map { "cut short: \($0)" }
        lines += saveErrors.map { "not saved: \($0)" }
        return MessageMask.masked(lines.joined(separator: "\n"))
    }
}

/// A replay that did not go as recorded, thrown by ``ReplayReport/check(allowingUnused:)``.
public struct ReplayFailure: Error, CustomStringConvertible, Sendable {
    /// The report that failed the check.
    public let report: ReplayReport
    /// Whether unused interactions were allowed.
    public let allowingUnused: Bool

    /// The report's summary, each mismatch explained in full, and what unused interactions mean.
    public var description: String {
        var sections = [report.description]
        sections += report.unmatchedRequests.map(\.description)
        if !allowingUnused, !report.unusedInteractions.isEmpty {
            sections.append(
                "Unused interactions mean the code sent fewer requests than when the cassette was recorded; "
                    + "pass allowingUnused: true to accept that.")
        }
        return MessageMask.masked(sections.joined(separator: "\n\n"))
    }
}

import VCR

/// The test failures a finished replay amounts to.
///
/// Each request no interaction answered is one failure whose message is the
/// full mismatch report; each request that failed before matching is one; each
/// recording cut short is one; each reason a recorded cassette was not saved is
/// one; the interactions no request used are one more, unless they are allowed.
struct ReplayProblems {
    /// The report of the stopped VCR.
    let report: ReplayReport
    /// Whether unused interactions are accepted.
    let allowingUnused: Bool

    /// One message per problem, in the order the problems happened.
    var messages: [String] {
        var messages = report.unmatchedRequests.map(\.description)
        messages += report.failedRequests.map(\.description)
        messages += report.cutShortRecordings.map {
            "VCR: a recording into \(report.cassettePath) was cut short: \($0). "
                + ($0.failure == nil
                    ? "Raise VCR.Options.inFlightRecordingTimeout to wait longer for it."
                    : "Record it again once the upstream answers whole.")
        }
        messages += report.saveErrors.map(\.description)
        if !allowingUnused, !report.unusedInteractions.isEmpty {
            messages.append(unusedMessage)
        }
        return messages
    }

    /// Whether `error`, thrown by a test, is a request failure this report
    /// already describes, so that it is not reported twice.
    func describes(_ error: any Error) -> Bool {
        describesItself(error)
    }

    /// The mismatch this report describes that `error` wraps, as a client's
    /// own error type does (swift-openapi-runtime's `ClientError` keeps it as
    /// its underlying error and prints it in its description); nil otherwise.
    func wrappedMismatch(in error: any Error) -> MismatchError? {
        guard !describesItself(error) else { return nil }
        if let found = Self.mismatch(inside: error, depth: 0), describesItself(found) { return found }
        let text = String(describing: error)
        return report.unmatchedRequests.first { text.contains($0.description) }
    }

    /// A ``MismatchError`` among the stored properties of `value`, a few levels down.
    private static func mismatch(inside value: Any, depth: Int) -> MismatchError? {
        guard depth < 4 else { return nil }
        for child in Mirror(reflecting: value).children {
            if let mismatch = child.value as? MismatchError { return mismatch }
            if let found = mismatch(inside: child.value, depth: depth + 1) { return found }
        }
        return nil
    }

    private func describesItself(_ error: any Error) -> Bool {
        switch error {
        case let mismatch as MismatchError:
            report.unmatchedRequests.contains { $0.description == mismatch.description }
        case let failure as ReplayError:
            report.failedRequests.contains { $0.description == failure.description }
        default:
            false
        }
    }

    /// `error`, or a ``ReportedMismatch`` pointing at `location` in its place
    /// when it is, or wraps, a mismatch this report describes.
    func shortening(_ error: any Error, reportedAt location: String) -> any Error {
        if let mismatch = error as? MismatchError, describes(mismatch) {
            return ReportedMismatch(request: "\(mismatch.request.method) \(mismatch.request.url)", location: location)
        }
        if let mismatch = wrappedMismatch(in: error) {
            return ReportedMismatch(
                request: "\(mismatch.request.method) \(mismatch.request.url)", location: location,
                wrapper: String(describing: type(of: error)))
        }
        return error
    }

    private var unusedMessage: String {
        let unused = report.unusedInteractions
        let lines =
            ["VCR: \(unused.count) of \(report.interactionCount) interactions in \(report.cassettePath) were not used:"]
            + unused.map { "  #\($0.id) \($0.request.method) \($0.request.url)" }
            + [
                "The code sent fewer requests than when the cassette was recorded; "
                    + "pass allowingUnused: true to accept that."
            ]
        return VCR.maskingSecrets(in: lines.joined(separator: "\n"))
    }
}

import VCRCassette

/// Why a VCR did not save the cassette it recorded, reported by ``ReplayReport/saveErrors``.
public enum SaveError: Error, CustomStringConvertible, Sendable, Hashable {
    /// The cassette still contains the value of an environment variable whose
    /// name looks secret; the value itself is never shown.
    case secretFound(variable: String, place: String, cassettePath: String)
    /// The file could not be written; the old file, if any, is unchanged.
    case writeFailed(CassetteError)
    /// A recording VCR whose cassette did not exist saw no request: the code
    /// under test sent its requests some other way, and nothing was recorded.
    case noRequestSeen(cassettePath: String, mode: VCR.Mode)
    /// In ``VCR/Mode/all``, forwarded requests failed, so the old cassette was
    /// kept as it was; each request is named with its error.
    case keptAfterFailedRequests(cassettePath: String, requests: [String])

    /// What went wrong and what to do about it.
    public var description: String {
        MessageMask.masked(text)
    }

    private var text: String {
        switch self {
        case .secretFound(let variable, let place, let cassettePath):
            "VCR: refused to save \(cassettePath): the \(place) contains the value of the environment variable "
                + "\(variable). Redact it with VCR.Options.redaction (headers, queryParameters or jsonBodyPaths) "
                + "and record again."
        case .writeFailed(let error):
            "VCR: could not save the recorded cassette: \(error)"
        case .noRequestSeen(let cassettePath, let mode):
            "VCR: nothing was recorded into \(cassettePath): the VCR was recording (\(VCR.Mode.environmentVariable)="
                + "\(mode.rawValue)) but no request came through it, and no cassette existed. The code under test "
                + "did not use the VCR's session or configuration: the usual cause is a request sent through "
                + "URLSession.shared, through a session made from a configuration the VCR did not prepare, or "
                + "through another HTTP client (AsyncHTTPClient, a client on raw sockets). Hand the code "
                + "vcr.session, vcr.makeConfiguration() or a configuration passed to vcr.configure(_:)."
        case .keptAfterFailedRequests(let cassettePath, let requests):
            "VCR: kept \(cassettePath) unchanged: \(requests.count) forwarded request\(requests.count == 1 ? "" : "s") "
                + "failed while recording with \(VCR.Mode.environmentVariable)=all, so the new recording is "
                + "incomplete:\n" + requests.map { "  \($0)" }.joined(separator: "\n")
        }
    }
}

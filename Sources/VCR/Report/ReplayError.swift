import Foundation

/// A request the interceptor failed before matching it against a cassette.
public enum ReplayError: Error, LocalizedError, CustomStringConvertible, Sendable {
    /// No live VCR owns the session the request came from: its configuration
    /// was not prepared with ``VCR/configure(_:)``, or its VCR is gone.
    case noVCR(request: String)
    /// The request came after ``VCR/stop()``.
    case stopped(request: String, cassettePath: String)
    /// The request's `httpBodyStream` could not be read.
    case unreadableBody(request: String, reason: String)

    /// What went wrong and what to do about it.
    public var description: String {
        switch self {
        case .noVCR(let request):
            "VCR: \(request) came through the VCR interceptor, but no live VCR owns its session. "
                + "Create sessions from vcr.session, vcr.makeConfiguration() or a configuration passed to "
                + "vcr.configure(_:), and keep the VCR alive while they run."
        case .stopped(let request, let cassettePath):
            "VCR: \(request) arrived after the VCR of \(cassettePath) was stopped."
        case .unreadableBody(let request, let reason):
            "VCR: the body stream of \(request) could not be read: \(reason)."
        }
    }

    /// The same text as ``description``.
    public var errorDescription: String? { description }
}

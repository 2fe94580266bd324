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
    /// The request came from an upload task whose body is neither in the
    /// request nor readable from the task, so it cannot be matched on its body.
    case unreadableUploadBody(request: String)
    /// The interaction that matched holds a response no `HTTPURLResponse` can
    /// carry: a status code outside 100–599, or CR, LF or NUL in a header.
    case unservableResponse(request: String, interactionID: Int, reason: String)
    /// A cassette server could not serve the request: it named no origin of
    /// the cassette, or could not be read as HTTP.
    case unservable(request: String, reason: String)

    /// What went wrong and what to do about it.
    public var description: String {
        MessageMask.masked(text)
    }

    private var text: String {
        switch self {
        case .noVCR(let request):
            "VCR: \(request) came through the VCR interceptor, but no live VCR owns its session. "
                + "Create sessions from vcr.session, vcr.makeConfiguration() or a configuration passed to "
                + "vcr.configure(_:), and keep the VCR alive while they run."
        case .stopped(let request, let cassettePath):
            "VCR: \(request) arrived after the VCR of \(cassettePath) was stopped."
        case .unreadableBody(let request, let reason):
            "VCR: the body stream of \(request) could not be read: \(reason)."
        case .unreadableUploadBody(let request):
            "VCR: \(request) came from an upload task whose body could not be read: it is not in the request, "
                + "and FoundationNetworking's URLSessionTask.knownBody did not hold readable data or a readable file "
                + "(a streamed upload, a file gone, or a toolchain whose internals changed)."
        case .unservableResponse(let request, let interactionID, let reason):
            "VCR: \(request) matched interaction \(interactionID), whose response cannot be served: \(reason). "
                + "Fix the interaction (`vcr lint` reports such responses in cassette files)."
        case .unservable(let request, let reason):
            "VCR: the cassette server could not serve \(request): \(reason)"
        }
    }

    /// The same text as ``description``.
    public var errorDescription: String? { description }
}

import Foundation
import VCRCassette

/// A recording whose response had not ended when ``VCR/stop()`` stopped
/// waiting for it (``VCR/Options/inFlightRecordingTimeout``), or that failed
/// after its client had gone, so that nobody saw the error; listed in
/// ``ReplayReport/cutShortRecordings``.
///
/// What had arrived is saved: the response headers and the body up to that
/// moment, so a replay of it ends where the recording was cut.
public struct CutShortRecording: Sendable, CustomStringConvertible {
    /// The request's method.
    public let method: String
    /// The request's URL, redacted as the cassette holds it.
    public let url: String
    /// The interaction saved with what had arrived; nil when not even the
    /// response headers had arrived, so nothing of it was saved.
    public let interaction: Interaction?
    /// The network's error that ended the response after its client had gone;
    /// nil when the response was still arriving at ``VCR/stop()``.
    public let failure: String?

    init(method: String, url: String, interaction: Interaction?, failure: String? = nil) {
        self.method = method
        self.url = url
        self.interaction = interaction
        self.failure = failure
    }

    /// The request, how much of its response arrived, what was saved, and
    /// the error that ended it.
    public var description: String {
        let ending = failure.map { " (the request failed after its client had gone: \($0))" } ?? ""
        guard let interaction else {
            return "\(method) \(url): no response had arrived; nothing of it was saved" + ending
        }
        let bytes = interaction.response.body.count
        return "\(method) \(url): saved as #\(interaction.id) with the \(bytes) byte\(bytes == 1 ? "" : "s") "
            + "of body that had arrived; the rest of the response is missing" + ending
    }
}

import Foundation
import VCRCassette

/// A recording whose response had not ended when ``VCR/stop()`` stopped
/// waiting for it (``VCR/Options/inFlightRecordingTimeout``), listed in
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

    /// The request, how much of its response arrived, and what was saved.
    public var description: String {
        guard let interaction else {
            return "\(method) \(url): no response had arrived; nothing of it was saved"
        }
        let bytes = interaction.response.body.count
        return "\(method) \(url): saved as #\(interaction.id) with the \(bytes) byte\(bytes == 1 ? "" : "s") "
            + "of body that had arrived; the rest of the response is missing"
    }
}

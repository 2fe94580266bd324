import Foundation
import VCRCassette

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The `HTTPURLResponse`s replayed responses start with.
///
/// One is made for each request, as URLSession makes one for each response,
/// except where an interaction answers again as recorded
/// (``VCR/Options/allowsRepeats`` with no ``VCR/Options/beforeReplay`` hook):
/// there the one made for a URL is kept, and handed out again while the
/// interaction answers requests to that URL. Making one
/// (`HTTPURLResponse.init`, which parses `Content-Type` and capitalises every
/// name) is half of the instructions a replayed request costs (callgrind).
struct ReplayHeads: Sendable {
    /// For each interaction, by position, the URL of the last head made and the head.
    private let kept: Locked<[Int: (url: String, head: HTTPURLResponse)]>?

    /// Heads made for each request, or, when `keepsHeads`, kept per interaction.
    init(keepsHeads: Bool) {
        kept = keepsHeads ? Locked([:]) : nil
    }

    /// The head of `response`, the recorded response of the interaction at
    /// `position`, for a request to `url`; nil when `response` cannot make one.
    func head(of response: RecordedResponse, at position: Int, for url: URL) -> HTTPURLResponse? {
        guard let kept else { return response.httpResponse(for: url) }
        let spelling = url.absoluteString
        if let last = kept.withLock({ $0[position] }), last.url == spelling { return last.head }
        guard let head = response.httpResponse(for: url) else { return nil }
        kept.withLock { $0[position] = (spelling, head) }
        return head
    }
}

import Foundation
import VCRCassette

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The entry points a server answering from a VCR uses, so that matching,
/// consumption, redaction, timing and recording stay the VCR's own.
extension VCR {
    /// The interactions of the cassette as loaded (none in ``Mode/all``).
    package var loadedInteractions: [Interaction] {
        cassette.interactions
    }

    /// The response of a resolved interaction planned as this VCR's own
    /// interceptor plans it for a client that takes every chunk: the same
    /// chunk boundaries and delays. Nil when `response` has no valid status.
    package func delivery(of response: RecordedResponse, url: URL) -> ResponseDelivery? {
        ResponseDelivery(response: response, url: url, chunked: true, timing: options.timing, sliceSize: options.sliceSize)
    }
}

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

    /// A request's method and URL as failures name it: redacted and masked,
    /// so that no secret reaches a message.
    package func summary(of method: String, _ url: String) -> String {
        MessageMask.requestLine(method: method, url: url, rules: redaction)
    }

    /// The response of a resolved interaction planned as this VCR's own
    /// interceptor plans it for a client that takes every chunk: the same
    /// chunk boundaries and delays.
    ///
    /// It is for a server, which writes its own head from the recorded
    /// response: the headers step marks when, and carries a placeholder
    /// rather than an `HTTPURLResponse` built for each request.
    package func delivery(of response: RecordedResponse) -> ResponseDelivery {
        ResponseDelivery(
            response: response, head: Self.placeholderHead, chunked: true, timing: options.timing,
            chunkSize: options.chunkSize)
    }

    /// The chunks of `response` as ranges of its body, at the boundaries
    /// ``delivery(of:)`` cuts, when this VCR's timing sends every step at
    /// once; nil when a step waits, for ``delivery(of:)`` to pace. A server
    /// writes them without copying each chunk, and flushes once.
    package func immediateChunks(of response: RecordedResponse) -> [Range<Data.Index>]? {
        let ranges = response.chunkRanges(chunkSize: options.chunkSize)
        let schedule = DeliverySchedule(
            timing: options.timing, duration: response.duration,
            chunkEnds: ranges.map { $0.upperBound - response.body.startIndex }, bodyLength: response.body.count,
            arrivals: response.chunkArrivals)
        return schedule.isImmediate ? ranges : nil
    }

    /// The head the headers step of a server's delivery carries; status 200
    /// is valid, so it is never nil.
    private static let placeholderHead = HTTPURLResponse(
        url: URL(fileURLWithPath: "/"), statusCode: 200, httpVersion: "HTTP/1.1", headerFields: nil)!
}

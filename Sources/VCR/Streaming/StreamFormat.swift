import Foundation
import VCRCassette

/// How a recorded response body is cut into the chunks a streaming consumer receives.
enum StreamFormat: Equatable, Sendable {
    /// Not streamed: the body arrives whole.
    case whole
    /// `text/event-stream`: one chunk per event, ending at a blank line (LF or CRLF).
    case serverSentEvents
    /// JSON lines / NDJSON: one chunk per line.
    case jsonLines
    /// `application/vnd.amazon.eventstream`: one chunk per binary message.
    case awsEventStream
    /// Any other streamed body: slices of bounded size, at least two.
    case slices

    private static let jsonLinesTypes: Set<String> = [
        "application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonl",
        "application/jsonlines", "application/x-jsonlines", "application/json-lines", "application/stream+json",
    ]

    /// The format of a recorded response. A response is streamed when its
    /// length was unknown (`content_length: -1`), it was sent chunked, or its
    /// content type is a streaming one.
    init(of response: RecordedResponse) {
        let contentType = MediaType.contentType(in: response.headers).map(MediaType.of) ?? ""
        switch contentType {
        case MediaType.eventStream:
            self = .serverSentEvents
        case "application/vnd.amazon.eventstream":
            self = .awsEventStream
        case _ where Self.jsonLinesTypes.contains(contentType):
            self = .jsonLines
        default:
            let chunked = response.transferEncoding.contains { $0.lowercased() == "chunked" }
            self = response.contentLength == -1 || chunked ? .slices : .whole
        }
    }
}

import Foundation
import VCR
import VCRCassette

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Cassettes for the match figures: every interaction a `POST` to the same
/// URL, told apart only by its JSON body (the LLM-API case), and requests for
/// distinct interactions drawn at random across the whole cassette.
struct MatchWorkload {
    /// The interactions in the cassette.
    let size: Int
    /// The cassette; every response is the replay workload's event stream.
    let cassette: Cassette
    /// One request per looked-up interaction, in random order, for URLSession.
    let requests: [URLRequest]
    /// One request per looked-up interaction, in random order, as the
    /// interceptor hands it to the VCR; more of them than ``requests`` in a large cassette.
    let lookups: [InterceptedRequest]
    /// A request for the extra interaction at another URL, sent before the
    /// timing so that the session's first-request costs stay out of it.
    let warmUp: URLRequest

    /// The URL of the warm-up interaction.
    private static let warmUpURL = "https://api.openai.com/v1/models"

    /// A cassette of `size` interactions, `requests` requests for distinct ones
    /// of them, and `lookups` lookups for distinct ones (each at most `size`).
    init(size: Int, requests requestCount: Int, lookups lookupCount: Int) {
        var generator = SyntheticCassette()
        var interactions: [Interaction] = []
        interactions.reserveCapacity(size)
        for id in 0..<size {
            let body = generator.requestBody(id: id)
            interactions.append(
                Interaction(
                    id: id,
                    request: RecordedRequest(
                        contentLength: Int64(body.count), body: body,
                        headers: ["Content-Type": ["application/json"]],
                        url: SyntheticCassette.url, method: "POST"),
                    response: RecordedResponse(
                        contentLength: -1, body: ReplayWorkload.responseBody,
                        headers: ["Content-Type": ["text/event-stream; charset=utf-8"]])))
        }
        interactions.append(
            Interaction(
                id: size,
                request: RecordedRequest(url: Self.warmUpURL, method: "GET"),
                response: RecordedResponse(body: ReplayWorkload.responseBody)))
        self.size = size
        cassette = Cassette(interactions: interactions)
        warmUp = URLRequest(url: URL(string: Self.warmUpURL) ?? URL(fileURLWithPath: "/"))
        var random = SplitMix64(seed: UInt64(size))
        let positions = Array(0..<size).shuffled(using: &random)
        requests = positions.prefix(requestCount).map { position in
            let recorded = interactions[position].request
            var request = URLRequest(url: URL(string: recorded.url) ?? URL(fileURLWithPath: "/"))
            request.httpMethod = recorded.method
            request.httpBody = recorded.body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            return request
        }
        lookups = positions.prefix(lookupCount).map { position in
            let recorded = interactions[position].request
            return InterceptedRequest(
                method: recorded.method, url: recorded.url, headers: ["Content-Type": ["application/json"]],
                body: recorded.body)
        }
    }
}

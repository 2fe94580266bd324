import Foundation
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
    /// One request per looked-up interaction, in random order.
    let requests: [URLRequest]
    /// A request for the extra interaction at another URL, sent before the
    /// timing so that the session's first-request costs stay out of it.
    let warmUp: URLRequest

    /// The URL of the warm-up interaction.
    private static let warmUpURL = "https://api.openai.com/v1/models"

    /// A cassette of `size` interactions and requests for `lookups` distinct ones of them.
    init(size: Int, lookups: Int) {
        var generator = SyntheticCassette()
        var interactions: [Interaction] = []
        interactions.reserveCapacity(size)
        for id in 0..<size {
            let body = generator.requestBody(id: id)
            interactions.append(Interaction(
                id: id,
                request: RecordedRequest(
                    contentLength: Int64(body.count), body: body,
                    headers: ["Content-Type": ["application/json"]],
                    url: SyntheticCassette.url, method: "POST"),
                response: RecordedResponse(
                    contentLength: -1, body: ReplayWorkload.responseBody,
                    headers: ["Content-Type": ["text/event-stream; charset=utf-8"]])))
        }
        interactions.append(Interaction(
            id: size,
            request: RecordedRequest(url: Self.warmUpURL, method: "GET"),
            response: RecordedResponse(body: ReplayWorkload.responseBody)))
        self.size = size
        cassette = Cassette(interactions: interactions)
        warmUp = URLRequest(url: URL(string: Self.warmUpURL) ?? URL(fileURLWithPath: "/"))
        var random = SplitMix64(seed: UInt64(size))
        let positions = Array(Array(0..<size).shuffled(using: &random).prefix(lookups))
        requests = positions.map { position in
            let recorded = interactions[position].request
            var request = URLRequest(url: URL(string: recorded.url) ?? URL(fileURLWithPath: "/"))
            request.httpMethod = recorded.method
            request.httpBody = recorded.body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            return request
        }
    }
}

import Foundation
import VCRCassette

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The cassette and requests the replay figures share: chat requests with
/// distinct JSON bodies to one URL, each answered by a ~10 KB event stream.
struct ReplayWorkload {
    /// The size of each response stream, in bytes.
    static let streamBytes = 8_700

    /// The first generated interaction's response, whose body the floor and
    /// the loopback server serve for every request, and whose head the floor sends.
    private static let firstResponse: RecordedResponse = {
        var generator = SyntheticCassette()
        return generator.cassette(interactions: 1, streamBytes: streamBytes).interactions[0].response
    }()

    /// The first generated interaction's response body.
    static let responseBody = firstResponse.body

    /// The head a floor answers with: the first interaction's, as the VCR builds it.
    static let responseHead = Head(firstResponse)

    /// A recorded response's HTTP version and header fields, each name's values joined.
    struct Head: Sendable {
        let version: String
        let fields: [String: String]

        init(_ response: RecordedResponse) {
            version = response.proto
            fields = response.headers.mapValues { $0.joined(separator: ", ") }
        }
    }

    /// The recorded interactions, one per request.
    let cassette: Cassette

    /// A request per interaction, in order, as the code under test would send it.
    let requests: [URLRequest]

    /// `count` requests, each answered by a stream of `streamLength` (by default ~``streamBytes``).
    init(count: Int, streamLength: SyntheticCassette.StreamLength = .bytes(streamBytes)) {
        var generator = SyntheticCassette()
        cassette = generator.cassette(interactions: count, streamLength: streamLength)
        requests = cassette.interactions.map { interaction in
            var request = URLRequest(url: URL(string: interaction.request.url) ?? URL(fileURLWithPath: "/"))
            request.httpMethod = interaction.request.method
            request.httpBody = interaction.request.body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.setValue("application/json", forHTTPHeaderField: "Accept")
            return request
        }
    }

    /// The same interactions recorded as `GET`s without a body, and their requests.
    var asGETs: ReplayWorkload {
        var cassette = cassette
        for position in cassette.interactions.indices {
            cassette.interactions[position].request.method = "GET"
            cassette.interactions[position].request.body = Data()
            cassette.interactions[position].request.contentLength = 0
        }
        let requests = requests.map { original in
            var request = original
            request.httpMethod = "GET"
            request.httpBody = nil
            request.setValue(nil, forHTTPHeaderField: "Content-Type")
            return request
        }
        return ReplayWorkload(cassette: cassette, requests: requests)
    }

    private init(cassette: Cassette, requests: [URLRequest]) {
        self.cassette = cassette
        self.requests = requests
    }

    /// The same requests sent to `base` (scheme, host and port) instead.
    func requests(to base: String) -> [URLRequest] {
        requests.map { original in
            var request = original
            let path = original.url?.path ?? "/"
            request.url = URL(string: base + path)
            return request
        }
    }
}

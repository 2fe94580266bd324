import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The request of the test cassettes: `GET https://api.example.com/v1/whoami`,
/// answered with `{"cassette":"<the cassette's name>"}`.
enum Whoami {
    static let url = URL(string: "https://api.example.com/v1/whoami")!

    private struct Answer: Decodable {
        var cassette: String
    }

    /// The name of the cassette that answered the request sent through `session`.
    static func cassette(using session: URLSession) async throws -> String {
        let (data, _) = try await session.data(from: url)
        return try JSONDecoder().decode(Answer.self, from: data).cassette
    }

    /// The same, waiting on the calling thread, for synchronous tests.
    static func cassetteWaiting(using session: URLSession) throws -> String {
        let result = Box<Result<Data, any Error>>()
        let done = DispatchSemaphore(value: 0)
        session.dataTask(with: url) { data, _, error in
            result.value = data.map { .success($0) } ?? .failure(error ?? URLError(.badServerResponse))
            done.signal()
        }.resume()
        done.wait()
        let data = try result.value?.get() ?? Data()
        return try JSONDecoder().decode(Answer.self, from: data).cassette
    }

    /// A request the test cassettes cannot answer.
    static var unknownRequest: URLRequest {
        var request = URLRequest(url: URL(string: "https://api.example.com/v1/orders?status=open")!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(#"{"customer":"7890","limit":10}"#.utf8)
        return request
    }
}

import Foundation
import HTTPTypes
import OpenAPIRuntime
import OpenAPIURLSession
import Testing
import VCR
import VCRCassette

/// A real client no one here wrote: swift-openapi-urlsession's transport,
/// which buffers through `dataTask(with:completionHandler:)` on Linux.
@Suite struct OpenAPITransportTests {
    @Test func theTransportReceivesTheWholeStreamedBody() async throws {
        let cassette = try Cassette(contentsOf: Fixtures.seedCassette)
        let vcr = try VCR(cassette: Fixtures.seedCassette, options: Fixtures.quiet)
        let transport = URLSessionTransport(configuration: .init(session: vcr.session))
        for interaction in cassette.interactions {
            let recorded = interaction.request
            var fields = HTTPFields()
            for (name, values) in recorded.headers {
                for value in values { fields.append(HTTPField(name: try #require(HTTPField.Name(name)), value: value)) }
            }
            let request = HTTPRequest(
                method: .post, scheme: nil, authority: nil, path: "/v1/chat/completions", headerFields: fields)
            let (response, body) = try await transport.send(
                request, body: HTTPBody(recorded.body), baseURL: try #require(URL(string: "https://api.openai.com")),
                operationID: "createChatCompletion")
            #expect(response.status.code == interaction.response.code)
            #expect(response.headerFields[.contentType] == interaction.response.headers["Content-Type"]?.first)
            let received = try await Data(collecting: try #require(body), upTo: .max)
            #expect(received == interaction.response.body)
            #expect(received.count > 1_000)
        }
        try vcr.stop().check()
    }
}

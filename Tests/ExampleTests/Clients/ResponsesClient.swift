import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A small client of a streaming Responses API (`POST /v1/responses` with
/// `"stream": true`): OpenAI's sends server-sent events, xAI's sends one
/// JSON event per line.
struct ResponsesClient: Sendable {
    /// How the events are framed in the body.
    enum Framing: Sendable {
        case serverSentEvents
        case jsonLines
    }

    var endpoint: URL
    var framing: Framing
    var configuration: URLSessionConfiguration
    /// The environment variable holding the API key, sent when set
    /// (recording live with `Scripts/record --live`); replay redacts it anyway.
    var apiKeyVariable: String

    static func openAI(configuration: URLSessionConfiguration) -> ResponsesClient {
        ResponsesClient(
            endpoint: URL(string: "https://api.openai.com/v1/responses")!, framing: .serverSentEvents,
            configuration: configuration, apiKeyVariable: "OPENAI_API_KEY")
    }

    static func xAI(configuration: URLSessionConfiguration) -> ResponsesClient {
        ResponsesClient(
            endpoint: URL(string: "https://api.x.ai/v1/responses")!, framing: .jsonLines,
            configuration: configuration, apiKeyVariable: "XAI_API_KEY")
    }

    /// Streams the response to `body`, the request's JSON with `"stream": true` added.
    func stream(_ body: [String: JSONValue]) throws -> AsyncThrowingStream<Streamed<ResponseStreamEvent>, any Error> {
        var body = body
        body["stream"] = true
        var request = URLRequest(url: endpoint)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue(
            framing == .serverSentEvents ? "text/event-stream" : "application/x-ndjson", forHTTPHeaderField: "Accept")
        if let key = ProcessInfo.processInfo.environment[apiKeyVariable] {
            request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")
        }
        request.httpBody = try JSONEncoder().encode(JSONValue.object(body))
        let chunks = ByteStream.chunks(of: request, configuration: configuration)
        let framing = framing
        return AsyncThrowingStream { continuation in
            let reading = Task {
                do {
                    var events = ServerSentEventParser()
                    var lines = JSONLinesParser()
                    var chunkNumber = 0
                    for try await chunk in chunks {
                        chunkNumber += 1
                        let payloads =
                            switch framing {
                            case .serverSentEvents: events.events(in: chunk).map { Data($0.data.utf8) }
                            case .jsonLines: lines.lines(in: chunk)
                            }
                        for payload in payloads {
                            let event = try JSONDecoder().decode(ResponseStreamEvent.self, from: payload)
                            continuation.yield(Streamed(event: event, chunk: chunkNumber))
                        }
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in reading.cancel() }
        }
    }
}

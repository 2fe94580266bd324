import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A small client of OpenAI's streaming chat completions
/// (`POST /v1/chat/completions` with `"stream": true`), reading the
/// server-sent events as they arrive.
struct ChatCompletionsClient: Sendable {
    /// A function the model may call, with its JSON schema.
    struct Tool: Sendable {
        var name: String
        var description: String
        var parameters: JSONValue
    }

    enum Failure: Error {
        case streamEndedWithoutDone
    }

    var configuration: URLSessionConfiguration
    var endpoint = URL(string: "https://api.openai.com/v1/chat/completions")!

    /// Streams a completion of `messages`; the stream ends at `data: [DONE]`.
    func streamCompletion(
        model: String, messages: [ChatMessage], tools: [Tool], maxTokens: Int
    ) throws -> AsyncThrowingStream<Streamed<ChatCompletionChunk>, any Error> {
        let body: JSONValue = [
            "model": .string(model),
            "messages": .array(messages.map(\.json)),
            "max_tokens": .integer(maxTokens),
            "tools": .array(tools.map(\.json)),
            "tool_choice": "auto",
            "stream": true,
            "stream_options": ["include_usage": true],
        ]
        var request = URLRequest(url: endpoint)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        request.httpBody = try JSONEncoder().encode(body)
        let chunks = ByteStream.chunks(of: request, configuration: configuration)
        return AsyncThrowingStream { continuation in
            let reading = Task {
                do {
                    var parser = ServerSentEventParser()
                    var chunkNumber = 0
                    for try await chunk in chunks {
                        chunkNumber += 1
                        for event in parser.events(in: chunk) {
                            if event.data == "[DONE]" {
                                continuation.finish()
                                return
                            }
                            let decoded = try JSONDecoder().decode(
                                ChatCompletionChunk.self, from: Data(event.data.utf8))
                            continuation.yield(Streamed(event: decoded, chunk: chunkNumber))
                        }
                    }
                    continuation.finish(throwing: Failure.streamEndedWithoutDone)
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in reading.cancel() }
        }
    }
}

extension ChatCompletionsClient.Tool {
    var json: JSONValue {
        [
            "type": "function",
            "function": [
                "name": .string(name), "description": .string(description),
                "parameters": parameters, "strict": false,
            ],
        ]
    }
}

import Foundation
import Testing
import VCR
import VCRTesting

/// A tool-calling conversation with OpenAI's streaming chat completions, replayed
/// from `Cassettes/openai-chat-parallel-tool-calls.yaml`: the model calls two
/// tools in parallel, the client runs them, and the model answers with their results.
@Suite struct OpenAIChatCompletionsTests {
    static let tools = [
        ChatCompletionsClient.Tool(name: "add", description: "Add two numbers", parameters: operands),
        ChatCompletionsClient.Tool(name: "multiply", description: "Multiply two numbers", parameters: operands),
    ]

    static let operands: JSONValue = [
        "type": "object",
        "properties": [
            "a": ["type": "integer", "description": "first number"],
            "b": ["type": "integer", "description": "second number"],
        ],
        "required": ["a", "b"],
    ]

    struct Operands: Decodable {
        var a: Int
        var b: Int
    }

    // The seed recording from the real service: replayed, never re-recorded.
    @Test(.cassette("openai-chat-parallel-tool-calls", mode: .never))
    func parallelToolCallsThenAnswer() async throws {
        let client = ChatCompletionsClient(configuration: try #require(VCR.current).makeConfiguration())
        var messages: [ChatMessage] = [
            .system("You are a helpful assistant. Always use both add and multiply at the same time."),
            .user("Add and multiply the number 2 and 3"),
        ]

        let first = try await complete(messages, with: client)
        #expect(first.finishReason == "tool_calls")
        #expect(first.message.content == nil)
        #expect(
            first.message.toolCalls == [
                .init(id: "call_4ifjNdHz0FdUYGSOEoJhug4a", name: "add", arguments: #"{"a": 2, "b": 3}"#),
                .init(id: "call_sXf7ZGvQxWZWcqH7dp0F1Fd6", name: "multiply", arguments: #"{"a": 2, "b": 3}"#),
            ])
        #expect(first.usage?.totalTokens == 156)

        messages.append(first.message)
        for call in first.message.toolCalls {
            let operands = try JSONDecoder().decode(Operands.self, from: Data(call.arguments.utf8))
            let result = call.name == "add" ? operands.a + operands.b : operands.a * operands.b
            messages.append(.tool(String(result), callID: call.id))
        }

        let second = try await complete(messages, with: client)
        #expect(second.finishReason == "stop")
        #expect(second.message.content == "The sum of 2 and 3 is 5, and the product of 2 and 3 is 6.")
        #expect(second.message.toolCalls.isEmpty)
        #expect(second.usage?.totalTokens == 198)
    }

    /// Streams one completion, checking that its chunks arrived one by one.
    private func complete(_ messages: [ChatMessage], with client: ChatCompletionsClient) async throws
        -> ChatStreamAccumulator
    {
        var accumulator = ChatStreamAccumulator()
        var received: [Streamed<ChatCompletionChunk>] = []
        for try await chunk in try client.streamCompletion(
            model: "gpt-4o-mini", messages: messages, tools: Self.tools, maxTokens: 4000)
        {
            received.append(chunk)
            accumulator.add(chunk.event)
        }
        #expect(received.count > 1)
        #expect(received.arrivedIncrementally())
        return accumulator
    }
}

/// One `chat.completion.chunk` of a streamed OpenAI chat completion.
struct ChatCompletionChunk: Decodable, Sendable {
    struct Choice: Decodable, Sendable {
        var index: Int
        var delta: Delta
        var finishReason: String?

        enum CodingKeys: String, CodingKey {
            case index, delta
            case finishReason = "finish_reason"
        }
    }

    struct Delta: Decodable, Sendable {
        var role: String?
        var content: String?
        var toolCalls: [ToolCallDelta]?

        enum CodingKeys: String, CodingKey {
            case role, content
            case toolCalls = "tool_calls"
        }
    }

    /// A piece of a tool call: the first piece names the call, later ones carry
    /// pieces of its JSON arguments.
    struct ToolCallDelta: Decodable, Sendable {
        struct Function: Decodable, Sendable {
            var name: String?
            var arguments: String?
        }

        var index: Int
        var id: String?
        var function: Function?
    }

    struct Usage: Decodable, Sendable, Equatable {
        var promptTokens: Int
        var completionTokens: Int
        var totalTokens: Int

        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens"
            case completionTokens = "completion_tokens"
            case totalTokens = "total_tokens"
        }
    }

    var id: String
    var model: String
    var choices: [Choice]
    var usage: Usage?
}

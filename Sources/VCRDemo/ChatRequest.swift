/// The body of a streaming OpenAI chat completion request, as the demo's agent sends it.
struct ChatRequest: Encodable {
    struct Message: Encodable {
        var role: String
        var content: String?
        var toolCalls: [ToolCall]?
        var toolCallID: String?

        enum CodingKeys: String, CodingKey {
            case role, content
            case toolCalls = "tool_calls"
            case toolCallID = "tool_call_id"
        }
    }

    struct ToolCall: Encodable {
        struct Function: Encodable {
            var name: String
            var arguments: String
        }
        var id: String
        var type = "function"
        var function: Function
    }

    struct Tool: Encodable {
        struct Function: Encodable {
            var name: String
            var strict = false
            var description: String
            var parameters: Parameters
        }
        struct Parameters: Encodable {
            struct Property: Encodable {
                var description: String
                var type = "integer"
            }
            var properties: [String: Property]
            var required: [String]
            var type = "object"
        }
        var function: Function
        var type = "function"

        /// A tool taking two integers `a` and `b`.
        static func binary(_ name: String, _ description: String) -> Tool {
            let parameters = Parameters(
                properties: ["a": .init(description: "first number"), "b": .init(description: "second number")],
                required: ["a", "b"])
            return Tool(function: Function(name: name, description: description, parameters: parameters))
        }
    }

    struct StreamOptions: Encodable {
        var includeUsage = true
        enum CodingKeys: String, CodingKey { case includeUsage = "include_usage" }
    }

    var messages: [Message]
    var model = "gpt-4o-mini"
    var maxTokens = 4000
    var streamOptions = StreamOptions()
    var toolChoice = "auto"
    var tools = [Tool.binary("add", "Add two numbers"), Tool.binary("multiply", "Multiply two numbers")]
    var stream = true

    enum CodingKeys: String, CodingKey {
        case messages, model, tools, stream
        case maxTokens = "max_tokens"
        case streamOptions = "stream_options"
        case toolChoice = "tool_choice"
    }
}

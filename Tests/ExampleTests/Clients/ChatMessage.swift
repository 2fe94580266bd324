/// A message of an OpenAI chat, as the client sends it and assembles it from a stream.
struct ChatMessage: Sendable, Equatable {
    /// A function the assistant asked to call.
    struct ToolCall: Sendable, Equatable {
        var id: String
        var name: String
        var arguments: String
    }

    var role: String
    var content: String?
    var toolCalls: [ToolCall] = []
    var toolCallID: String?

    static func system(_ content: String) -> ChatMessage { ChatMessage(role: "system", content: content) }
    static func user(_ content: String) -> ChatMessage { ChatMessage(role: "user", content: content) }
    static func tool(_ content: String, callID: String) -> ChatMessage {
        ChatMessage(role: "tool", content: content, toolCallID: callID)
    }

    /// The message as the API expects it in `messages`.
    var json: JSONValue {
        var object: [String: JSONValue] = ["role": .string(role)]
        if let content { object["content"] = .string(content) }
        if !toolCalls.isEmpty {
            object["tool_calls"] = .array(
                toolCalls.map { call in
                    [
                        "id": .string(call.id), "type": "function",
                        "function": ["name": .string(call.name), "arguments": .string(call.arguments)],
                    ]
                })
        }
        if let toolCallID { object["tool_call_id"] = .string(toolCallID) }
        return .object(object)
    }
}

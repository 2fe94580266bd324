/// Assembles the assistant's message from the chunks of a streamed chat
/// completion: the text deltas, and each parallel tool call's pieces by index.
struct ChatStreamAccumulator {
    private(set) var message = ChatMessage(role: "assistant")
    private(set) var finishReason: String?
    private(set) var usage: ChatCompletionChunk.Usage?
    private var toolCalls: [Int: ChatMessage.ToolCall] = [:]

    mutating func add(_ chunk: ChatCompletionChunk) {
        usage = chunk.usage ?? usage
        for choice in chunk.choices where choice.index == 0 {
            if let content = choice.delta.content {
                message.content = (message.content ?? "") + content
            }
            for piece in choice.delta.toolCalls ?? [] {
                var call = toolCalls[piece.index] ?? ChatMessage.ToolCall(id: "", name: "", arguments: "")
                if let id = piece.id { call.id = id }
                if let name = piece.function?.name { call.name += name }
                if let arguments = piece.function?.arguments { call.arguments += arguments }
                toolCalls[piece.index] = call
            }
            finishReason = choice.finishReason ?? finishReason
        }
        message.toolCalls = toolCalls.keys.sorted().compactMap { toolCalls[$0] }
    }
}

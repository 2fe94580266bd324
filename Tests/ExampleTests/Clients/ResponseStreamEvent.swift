/// One event of a streamed response of the Responses API (OpenAI's, and xAI's
/// compatible one), decoded by its `type`.
enum ResponseStreamEvent: Decodable, Sendable, Equatable {
    /// An item of the response's output: a message or a function call.
    struct OutputItem: Decodable, Sendable, Equatable {
        var id: String
        var type: String
        var status: String
        var name: String?
        var callID: String?
        var arguments: String?

        enum CodingKeys: String, CodingKey {
            case id, type, status, name, arguments
            case callID = "call_id"
        }
    }

    /// The response as a whole, as `response.created` and `response.completed` carry it.
    struct Response: Decodable, Sendable, Equatable {
        struct Usage: Decodable, Sendable, Equatable {
            var inputTokens: Int
            var outputTokens: Int
            var totalTokens: Int

            enum CodingKeys: String, CodingKey {
                case inputTokens = "input_tokens"
                case outputTokens = "output_tokens"
                case totalTokens = "total_tokens"
            }
        }

        var id: String
        var model: String
        var status: String
        var usage: Usage?
    }

    case created(Response)
    case outputItemAdded(outputIndex: Int, item: OutputItem)
    case outputTextDelta(itemID: String, delta: String)
    case outputTextDone(itemID: String, text: String)
    case functionCallArgumentsDelta(itemID: String, delta: String)
    case functionCallArgumentsDone(itemID: String, arguments: String)
    case outputItemDone(outputIndex: Int, item: OutputItem)
    case completed(Response)
    /// An event this client does not use, by type.
    case other(String)

    private enum CodingKeys: String, CodingKey {
        case type, response, item, delta, text, arguments
        case outputIndex = "output_index"
        case itemID = "item_id"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "response.created":
            self = .created(try container.decode(Response.self, forKey: .response))
        case "response.output_item.added":
            self = .outputItemAdded(
                outputIndex: try container.decode(Int.self, forKey: .outputIndex),
                item: try container.decode(OutputItem.self, forKey: .item))
        case "response.output_text.delta":
            self = .outputTextDelta(
                itemID: try container.decode(String.self, forKey: .itemID),
                delta: try container.decode(String.self, forKey: .delta))
        case "response.output_text.done":
            self = .outputTextDone(
                itemID: try container.decode(String.self, forKey: .itemID),
                text: try container.decode(String.self, forKey: .text))
        case "response.function_call_arguments.delta":
            self = .functionCallArgumentsDelta(
                itemID: try container.decode(String.self, forKey: .itemID),
                delta: try container.decode(String.self, forKey: .delta))
        case "response.function_call_arguments.done":
            self = .functionCallArgumentsDone(
                itemID: try container.decode(String.self, forKey: .itemID),
                arguments: try container.decode(String.self, forKey: .arguments))
        case "response.output_item.done":
            self = .outputItemDone(
                outputIndex: try container.decode(Int.self, forKey: .outputIndex),
                item: try container.decode(OutputItem.self, forKey: .item))
        case "response.completed":
            self = .completed(try container.decode(Response.self, forKey: .response))
        default:
            self = .other(type)
        }
    }
}

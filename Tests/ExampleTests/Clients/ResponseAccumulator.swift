/// Assembles a streamed response from its events: each message's text from
/// its deltas, and each function call's arguments from theirs.
struct ResponseAccumulator {
    /// A function the model asked to call.
    struct FunctionCall: Sendable, Equatable {
        var callID: String
        var name: String
        var arguments: String
    }

    private(set) var completed: ResponseStreamEvent.Response?
    private var texts: [(itemID: String, text: String)] = []
    private var calls: [(itemID: String, call: FunctionCall)] = []
    /// What the `done` events announced, by item id, to check the assembly against.
    private var announced: [String: String] = [:]

    /// The text of the response's messages.
    var text: String { texts.map(\.text).joined() }

    /// The function calls, in output order.
    var functionCalls: [FunctionCall] { calls.map(\.call) }

    /// Whether each assembled text and argument list equals what its `done` event announced.
    var matchesAnnouncements: Bool {
        texts.allSatisfy { announced[$0.itemID] == $0.text }
            && calls.allSatisfy { announced[$0.itemID] == $0.call.arguments }
    }

    mutating func add(_ event: ResponseStreamEvent) {
        switch event {
        case .outputItemAdded(_, let item) where item.type == "function_call":
            calls.append((item.id, FunctionCall(callID: item.callID ?? "", name: item.name ?? "", arguments: "")))
        case .outputItemAdded(_, let item) where item.type == "message":
            texts.append((item.id, ""))
        case .outputTextDelta(let itemID, let delta):
            if let position = texts.firstIndex(where: { $0.itemID == itemID }) {
                texts[position].text += delta
            }
        case .functionCallArgumentsDelta(let itemID, let delta):
            if let position = calls.firstIndex(where: { $0.itemID == itemID }) {
                calls[position].call.arguments += delta
            }
        case .outputTextDone(let itemID, let text):
            announced[itemID] = text
        case .functionCallArgumentsDone(let itemID, let arguments):
            announced[itemID] = arguments
        case .completed(let response):
            completed = response
        default:
            break
        }
    }
}

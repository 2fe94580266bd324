import Foundation
import VCR

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Replays a recorded OpenAI chat with parallel tool calls, as a small agent
/// would run it, then shows what happens when a request matches nothing.
@main
struct Demo {
    static let endpoint = URL(string: "https://api.openai.com/v1/chat/completions")!
    static let system = ChatRequest.Message(
        role: "system", content: "You are a helpful assistant. Always use both add and multiply at the same time.")

    static func main() async throws {
        let path = CommandLine.arguments.dropFirst().first ?? "Cassettes/openai-chat-parallel-tool-calls.yaml"
        let vcr = try VCR(
            cassette: path, mode: .never, options: VCR.Options(timing: .realTime(), printsMismatches: false))
        say("Replaying \(path) — nothing leaves this machine.\n")

        let question = ChatRequest.Message(role: "user", content: "Add and multiply the number 2 and 3")
        say("user: \(question.content ?? "")")
        let calls = try await streamToolCalls(ChatRequest(messages: [system, question]), vcr: vcr)

        let results = calls.map { call in
            ChatRequest.Message(role: "tool", content: run(call), toolCallID: call.id)
        }
        for (call, result) in zip(calls, results) {
            say("tool \(call.function.name) \(call.function.arguments) → \(result.content ?? "")")
        }
        let assistant = ChatRequest.Message(role: "assistant", toolCalls: calls)
        try await streamAnswer(ChatRequest(messages: [system, question, assistant] + results), vcr: vcr)

        say("\nNow the same agent asks a question the cassette never recorded:\n")
        let other = ChatRequest.Message(role: "user", content: "Add and multiply the numbers 2 and 4")
        do {
            _ = try await vcr.session.data(for: request(ChatRequest(messages: [system, other])))
        } catch let mismatch as MismatchError {
            say(mismatch.description)
        }
        let report = vcr.stop()
        say(
            "\n\(report.servedCount) of \(report.interactionCount) recorded interactions served, \(report.unmatchedRequests.count) request unmatched."
        )
    }

    /// Streams the assistant's tool calls, printing their arguments as they arrive.
    static func streamToolCalls(_ body: ChatRequest, vcr: VCR) async throws -> [ChatRequest.ToolCall] {
        var calls: [ChatRequest.ToolCall] = []
        for try await event in EventStream.events(for: try request(body), configuration: vcr.makeConfiguration()) {
            guard event != "[DONE]" else { break }
            let chunk = try JSONDecoder().decode(ChatChunk.self, from: Data(event.utf8))
            for delta in chunk.choices.flatMap({ $0.delta.toolCalls ?? [] }) {
                if delta.index == calls.count, let id = delta.id, let name = delta.function?.name {
                    calls.append(ChatRequest.ToolCall(id: id, function: .init(name: name, arguments: "")))
                    write("\(calls.count == 1 ? "" : "\n")assistant calls \(name) ")
                }
                let arguments = delta.function?.arguments ?? ""
                calls[delta.index].function.arguments += arguments
                write(arguments)
            }
        }
        say("")
        return calls
    }

    /// Streams the assistant's answer, printing the text as it arrives.
    static func streamAnswer(_ body: ChatRequest, vcr: VCR) async throws {
        write("assistant: ")
        for try await event in EventStream.events(for: try request(body), configuration: vcr.makeConfiguration()) {
            guard event != "[DONE]" else { break }
            let chunk = try JSONDecoder().decode(ChatChunk.self, from: Data(event.utf8))
            write(chunk.choices.compactMap(\.delta.content).joined())
        }
        say("")
    }

    /// Prints a line at once, in order with ``write(_:)``.
    static func say(_ line: String) {
        write(line + "\n")
    }

    /// Prints without a line break, at once, so streamed text shows as it arrives.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// The demo's two tools.
    static func run(_ call: ChatRequest.ToolCall) -> String {
        struct Arguments: Decodable { var a: Int, b: Int }
        guard let arguments = try? JSONDecoder().decode(Arguments.self, from: Data(call.function.arguments.utf8)) else {
            return "invalid arguments"
        }
        return String(call.function.name == "add" ? arguments.a + arguments.b : arguments.a * arguments.b)
    }

    static func request(_ body: ChatRequest) throws -> URLRequest {
        var request = URLRequest(url: endpoint)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        request.httpBody = try JSONEncoder().encode(body)
        return request
    }
}

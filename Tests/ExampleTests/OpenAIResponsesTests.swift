import Foundation
import Testing
import VCR
import VCRTesting

/// OpenAI's Responses API streaming server-sent events, replayed from the
/// cassettes at the default paths, `Cassettes/OpenAIResponsesTests/<test>.yaml`.
@Suite struct OpenAIResponsesTests {
    static let idParameter: JSONValue = [
        "type": "object", "properties": ["id": ["type": "string"]], "required": ["id"],
    ]

    @Test(.cassette())
    func parallelFunctionCalls() async throws {
        let client = ResponsesClient.openAI(configuration: try #require(VCR.current).makeConfiguration())
        let events = try await collect(
            client.stream([
                "model": "gpt-4.1-nano",
                "input": "Look up order 123456 and customer 7890.",
                "tools": [
                    ["type": "function", "name": "get_order", "parameters": Self.idParameter, "strict": true],
                    ["type": "function", "name": "get_customer", "parameters": Self.idParameter, "strict": true],
                ],
                "tool_choice": "required",
                "parallel_tool_calls": true,
            ]))

        #expect(events.count == 21)
        #expect(events.filter { if case .functionCallArgumentsDelta = $0.event { true } else { false } }.count == 12)
        #expect(events.arrivedIncrementally())
        let response = assemble(events)
        #expect(
            response.functionCalls == [
                .init(callID: "call_khElVS1NoyNcckH2EuTtpSDR", name: "get_order", arguments: #"{"id":"123456"}"#),
                .init(callID: "call_562xX7CoxXqdLoTJBCK8VbZq", name: "get_customer", arguments: #"{"id":"7890"}"#),
            ])
        #expect(response.text.isEmpty)
        #expect(response.matchesAnnouncements)
        #expect(response.completed?.status == "completed")
        #expect(response.completed?.model == "gpt-4.1-nano-2025-04-14")
    }

    @Test(.cassette())
    func textThenFunctionCall() async throws {
        let client = ResponsesClient.openAI(configuration: try #require(VCR.current).makeConfiguration())
        let calculator: JSONValue = [
            "type": "function",
            "name": "calculator",
            "description":
                "Evaluates a mathematical expression and returns the result. Use this for any arithmetic calculations.",
            "parameters": [
                "type": "object",
                "properties": [
                    "expression": [
                        "type": "string",
                        "description": "The mathematical expression to evaluate (e.g., '2 + 2', '15 * 3', 'sqrt(16)')",
                    ]
                ],
                "required": ["expression"],
                "additionalProperties": false,
            ],
            "strict": true,
        ]
        let events = try await collect(
            client.stream([
                "model": "gpt-4o-mini",
                "input": "What is 23 + 45? Say what you will do, then use the calculator.",
                "tools": [calculator],
                "temperature": 0,
                "max_output_tokens": 300,
                "store": false,
            ]))

        #expect(events.count == 31)
        #expect(events.arrivedIncrementally())
        let response = assemble(events)
        #expect(response.text == "I will calculate the sum of 23 and 45.")
        #expect(
            response.functionCalls == [
                .init(
                    callID: "call_o5Vcs8kz2HGQP5btOFGHNG9L", name: "calculator", arguments: #"{"expression":"23 + 45"}"#
                )
            ])
        #expect(response.matchesAnnouncements)
        #expect(response.completed?.status == "completed")
    }

    struct Person: Decodable, Equatable {
        var name: String
        var age: Int
        var occupation: String
    }

    @Test(.cassette())
    func structuredOutput() async throws {
        let client = ResponsesClient.openAI(configuration: try #require(VCR.current).makeConfiguration())
        let events = try await collect(
            client.stream([
                "model": "gpt-4o-mini",
                "input": "Invent a person: a name, an age and an occupation.",
                "text": [
                    "format": [
                        "type": "json_schema",
                        "name": "person",
                        "schema": [
                            "type": "object",
                            "properties": [
                                "name": ["type": "string"], "age": ["type": "integer"],
                                "occupation": ["type": "string"],
                            ],
                            "required": ["name", "age", "occupation"],
                            "additionalProperties": false,
                        ],
                        "strict": true,
                    ]
                ],
                "max_output_tokens": 100,
            ]))

        #expect(events.count == 23)
        #expect(events.arrivedIncrementally())
        let response = assemble(events)
        #expect(response.text == #"{"name":"Alice Johnson","age":30,"occupation":"Software Engineer"}"#)
        #expect(response.matchesAnnouncements)
        let person = try JSONDecoder().decode(Person.self, from: Data(response.text.utf8))
        #expect(person == Person(name: "Alice Johnson", age: 30, occupation: "Software Engineer"))
        #expect(response.completed?.usage?.totalTokens == 72)
    }

    private func collect(_ stream: AsyncThrowingStream<Streamed<ResponseStreamEvent>, any Error>) async throws
        -> [Streamed<ResponseStreamEvent>]
    {
        var events: [Streamed<ResponseStreamEvent>] = []
        for try await event in stream { events.append(event) }
        return events
    }

    private func assemble(_ events: [Streamed<ResponseStreamEvent>]) -> ResponseAccumulator {
        var accumulator = ResponseAccumulator()
        for event in events { accumulator.add(event.event) }
        return accumulator
    }
}

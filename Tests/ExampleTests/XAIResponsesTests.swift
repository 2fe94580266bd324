import Foundation
import VCR
import VCRTesting
import XCTest

/// xAI's Responses API streaming one JSON event per line, replayed with XCTest
/// from the cassette at the default path, `Cassettes/XAIResponsesTests/<test>.yaml`.
final class XAIResponsesTests: XCTestCase {
    func testHaikuStreamsAsJSONLines() async throws {
        try await withCassette { vcr in
            let client = ResponsesClient.xAI(configuration: vcr.makeConfiguration())
            var events: [Streamed<ResponseStreamEvent>] = []
            var accumulator = ResponseAccumulator()
            for try await event in try client.stream([
                "model": "grok-2-1212",
                "input": "Write a haiku about programming.",
                "max_output_tokens": 100,
            ]) {
                events.append(event)
                accumulator.add(event.event)
            }

            XCTAssertEqual(events.count, 27)
            XCTAssertEqual(events.filter { if case .outputTextDelta = $0.event { true } else { false } }.count, 19)
            XCTAssertTrue(events.arrivedIncrementally())
            XCTAssertEqual(
                accumulator.text,
                "Code flows like a stream,\nLogic weaves through lines of thought,\nDebugging, a dream.")
            XCTAssertTrue(accumulator.matchesAnnouncements)
            XCTAssertEqual(accumulator.completed?.status, "completed")
            XCTAssertEqual(accumulator.completed?.usage?.totalTokens, 42)
        }
    }
}

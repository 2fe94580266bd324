import Foundation
import VCR
import VCRTesting
import XCTest

/// `insertCassette` in `setUp`: the VCR stops at teardown, and its failures
/// land at the line of `setUp` that inserted the cassette.
final class InsertedCassetteTests: XCTestCase {
    private var vcr: VCR!
    private var insertionLine = 0
    private var capturing = false
    private var failures: [(message: String, line: Int)] = []
    private var expectedFailureCount = 0

    override func setUp() async throws {
        insertionLine = #line + 1
        vcr = try insertCassette("VCRTestingTests/whoami")
    }

    #if canImport(ObjectiveC)
    override func record(_ issue: XCTIssue) {
        guard capturing else { return super.record(issue) }
        failures.append((issue.compactDescription, issue.sourceCodeContext.location?.lineNumber ?? 0))
    }
    #else
    override func recordFailure(
        withDescription description: String, inFile filePath: String, atLine lineNumber: Int, expected: Bool
    ) {
        guard capturing else {
            return super.recordFailure(
                withDescription: description, inFile: filePath, atLine: lineNumber, expected: expected)
        }
        failures.append((description, lineNumber))
    }
    #endif

    /// Runs after the teardown blocks, so it sees what the VCR reported.
    override func tearDown() async throws {
        capturing = false
        XCTAssertEqual(failures.count, expectedFailureCount)
        XCTAssertTrue(failures.allSatisfy { $0.line == insertionLine })
        XCTAssertTrue(failures.allSatisfy { $0.message.contains("POST https://api.example.com/v1/orders?status=open") })
    }

    func testSessionIsServedFromTheCassette() async throws {
        let cassette = try await Whoami.cassette(using: vcr.session)
        XCTAssertEqual(cassette, "VCRTestingTests/whoami")
    }

    func testUnmatchedRequestFailsAtTeardown() async throws {
        capturing = true
        expectedFailureCount = 1
        _ = try? await vcr.session.data(for: Whoami.unknownRequest)
    }
}

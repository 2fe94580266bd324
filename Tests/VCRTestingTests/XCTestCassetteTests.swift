import Foundation
import VCR
import VCRCassette
import XCTest

@testable import VCRTesting

/// `withCassette` in XCTest. Failures the VCR reports are captured while
/// `capturing` is on, so the tests can check their message and line.
final class XCTestCassetteTests: XCTestCase {
    private struct Failure {
        var message: String
        var file: String
        var line: Int
    }

    private var capturing = false
    private var failures: [Failure] = []

    #if canImport(ObjectiveC)
    override func record(_ issue: XCTIssue) {
        guard capturing else { return super.record(issue) }
        let location = issue.sourceCodeContext.location
        failures.append(
            Failure(message: issue.compactDescription, file: location?.fileURL.path ?? "", line: location?.lineNumber ?? 0))
    }
    #else
    override func recordFailure(withDescription description: String, inFile filePath: String, atLine lineNumber: Int, expected: Bool) {
        guard capturing else {
            return super.recordFailure(withDescription: description, inFile: filePath, atLine: lineNumber, expected: expected)
        }
        failures.append(Failure(message: description, file: filePath, line: lineNumber))
    }
    #endif

    func testDefaultCassetteIsNamedAfterClassAndTest() async throws {
        try await withCassette { vcr in
            XCTAssertTrue(
                vcr.cassettePath.hasSuffix("/Cassettes/XCTestCassetteTests/testDefaultCassetteIsNamedAfterClassAndTest.yaml"))
            let cassette = try await Whoami.cassette(using: vcr.session)
            XCTAssertEqual(cassette, "XCTestCassetteTests/testDefaultCassetteIsNamedAfterClassAndTest")
        }
    }

    func testCurrentVCRIsSetInsideTheBody() async throws {
        XCTAssertNil(VCR.current)
        let path = try await withCassette("VCRTestingTests/whoami") { vcr in
            XCTAssertTrue(VCR.current === vcr)
            return try await Whoami.cassette(using: vcr.session)
        }
        XCTAssertEqual(path, "VCRTestingTests/whoami")
        XCTAssertNil(VCR.current)
    }

    func testSynchronousForm() throws {
        let cassette = try withCassette("VCRTestingTests/whoami") { vcr in
            try Whoami.cassetteWaiting(using: vcr.session)
        }
        XCTAssertEqual(cassette, "VCRTestingTests/whoami")
    }

    func testUnmatchedRequestFailsAtTheOpeningLineWithTheMismatchReport() async throws {
        capturing = true
        let line = #line + 1
        try await withCassette("VCRTestingTests/whoami") { vcr in
            do {
                _ = try await vcr.session.data(for: Whoami.unknownRequest)
                XCTFail("the request should fail")
            } catch {
                XCTAssertTrue(error is MismatchError)
            }
        }
        capturing = false
        XCTAssertEqual(failures.count, 1)
        let failure = try XCTUnwrap(failures.first)
        XCTAssertEqual(failure.line, line)
        XCTAssertEqual(failure.file, #filePath)
        XCTAssertTrue(failure.message.contains("POST https://api.example.com/v1/orders?status=open"))
        XCTAssertTrue(failure.message.contains("VCRTestingTests/whoami.yaml"))
    }

    func testThrownMismatchPointsAtTheReportInsteadOfRepeatingIt() async throws {
        capturing = true
        let line = #line + 2
        do {
            try await withCassette("VCRTestingTests/whoami") { vcr in
                _ = try await vcr.session.data(for: Whoami.unknownRequest)
            }
            XCTFail("withCassette should rethrow the request's failure")
        } catch {
            XCTAssertEqual(
                "\(error)",
                "VCR: no recorded interaction matches POST https://api.example.com/v1/orders?status=open; "
                    + "the mismatch report is the failure at XCTestCassetteTests.swift:\(line).")
        }
        capturing = false
        XCTAssertEqual(failures.map(\.line), [line])
        XCTAssertTrue(failures.first?.message.contains("Closest recorded interactions") == true)
    }

    func testUnusedInteractionsFailWhenNotAllowed() throws {
        capturing = true
        let line = #line + 1
        try withCassette("VCRTestingTests/whoami", allowingUnused: false) { _ in }
        capturing = false
        XCTAssertEqual(failures.map(\.line), [line])
        XCTAssertTrue(failures.first?.message.contains("#0 GET https://api.example.com/v1/whoami") == true)
    }

    func testMissingCassetteThrows() {
        XCTAssertThrowsError(try withCassette("VCRTestingTests/missing") { _ in }) { error in
            XCTAssertTrue((error as? CassetteError)?.path.hasSuffix("/Cassettes/VCRTestingTests/missing.yaml") == true)
        }
    }

    func testMethodNameOnEveryPlatform() {
        XCTAssertEqual(Self.methodName(fromTestName: "-[ChatTests testStreams]"), "testStreams")
        XCTAssertEqual(Self.methodName(fromTestName: "ChatTests.testStreams"), "testStreams")
        XCTAssertEqual(Self.methodName(fromTestName: "testStreams"), "testStreams")
    }
}

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
            Failure(
                message: issue.compactDescription, file: location?.fileURL.path ?? "", line: location?.lineNumber ?? 0))
    }
    #else
    override func recordFailure(
        withDescription description: String, inFile filePath: String, atLine lineNumber: Int, expected: Bool
    ) {
        guard capturing else {
            return super.recordFailure(
                withDescription: description, inFile: filePath, atLine: lineNumber, expected: expected)
        }
        failures.append(Failure(message: description, file: filePath, line: lineNumber))
    }
    #endif

    func testDefaultCassetteIsNamedAfterClassAndTest() async throws {
        try await withCassette { vcr in
            XCTAssertTrue(
                vcr.cassettePath.hasSuffix(
                    "/Cassettes/XCTestCassetteTests/testDefaultCassetteIsNamedAfterClassAndTest.yaml"))
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

    func testAMismatchInsideTheCallersOwnErrorIsReportedOnce() async throws {
        struct ClientError: Error, CustomStringConvertible {
            var operation: String
            var underlyingError: any Error
            var description: String { "Client error - operation: \(operation), underlying error: \(underlyingError)" }
        }
        capturing = true
        let line = #line + 2
        do {
            try await withCassette("VCRTestingTests/whoami") { vcr in
                do {
                    _ = try await vcr.session.data(for: Whoami.unknownRequest)
                } catch {
                    throw ClientError(operation: "listOrders", underlyingError: error)
                }
            }
            XCTFail("withCassette should rethrow the client's error")
        } catch {
            XCTAssertEqual(
                "\(error)",
                "VCR: no recorded interaction matches POST https://api.example.com/v1/orders?status=open "
                    + "(thrown inside a ClientError); the mismatch report is the failure at XCTestCassetteTests.swift:\(line)."
            )
        }
        capturing = false
        XCTAssertEqual(failures.map(\.line), [line])
        XCTAssertEqual(failures.first?.message.components(separatedBy: "Closest recorded interactions").count, 2)
    }

    func testOwnOptionsStillPrintNothing() throws {
        var options = VCR.Options()
        options.printsMismatches = true
        try withCassette("VCRTestingTests/whoami", options: options) { vcr in
            XCTAssertFalse(vcr.options.printsMismatches)
        }
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

/// A case class whose ``CassetteDefaultsProviding/cassetteDefaults`` set the
/// directory, mode and options of every cassette of its tests.
class XCTestCassetteDefaultsTests: XCTestCase, CassetteDefaultsProviding {
    class var cassetteDefaults: CassetteDefaults {
        CassetteDefaults(
            directory: "Cassettes/VCRTestingTests", mode: .never, options: VCR.Options(allowsRepeats: true))
    }

    func testTheClassSetsDirectoryModeAndOptions() async throws {
        try await withCassette("whoami") { vcr in
            XCTAssertTrue(vcr.cassettePath.hasSuffix("/Cassettes/VCRTestingTests/whoami.yaml"))
            XCTAssertEqual(vcr.mode, .never)
            XCTAssertTrue(vcr.options.allowsRepeats)
            _ = try await Whoami.cassette(using: vcr.session)
            let again = try await Whoami.cassette(using: vcr.session)
            XCTAssertEqual(again, "VCRTestingTests/whoami")
        }
    }

    func testACallsOwnArgumentsWin() throws {
        let vcr = try insertCassette("VCRTestingTests/whoami", directory: "Cassettes", options: VCR.Options())
        XCTAssertFalse(vcr.options.allowsRepeats)
    }
}

/// A subclass overrides the class setting.
final class XCTestCassetteDefaultsSubclassTests: XCTestCassetteDefaultsTests {
    override class var cassetteDefaults: CassetteDefaults {
        CassetteDefaults(directory: "Cassettes")
    }

    override func testTheClassSetsDirectoryModeAndOptions() async throws {
        try await withCassette("VCRTestingTests/whoami") { vcr in
            XCTAssertTrue(vcr.cassettePath.hasSuffix("/Cassettes/VCRTestingTests/whoami.yaml"))
            XCTAssertFalse(vcr.options.allowsRepeats)
            let cassette = try await Whoami.cassette(using: vcr.session)
            XCTAssertEqual(cassette, "VCRTestingTests/whoami")
        }
    }
}

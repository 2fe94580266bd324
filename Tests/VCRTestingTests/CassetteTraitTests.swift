import Foundation
import TestSupport
import Testing
import VCR
import VCRCassette

@testable import VCRTesting

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite struct CassetteTraitTests {
    @Test(.cassette())
    func defaultCassetteIsNamedAfterSuiteAndTest() async throws {
        let vcr = try #require(VCR.current)
        #expect(
            vcr.cassettePath.hasSuffix("/Cassettes/CassetteTraitTests/defaultCassetteIsNamedAfterSuiteAndTest.yaml"))
        #expect(
            try await Whoami.cassette(using: vcr.session)
                == "CassetteTraitTests/defaultCassetteIsNamedAfterSuiteAndTest")
    }

    @Test(.cassette("VCRTestingTests/whoami"))
    func namedCassetteIsAPathUnderTheCassetteDirectory() async throws {
        let vcr = try #require(VCR.current)
        #expect(vcr.cassettePath.hasSuffix("/Cassettes/VCRTestingTests/whoami.yaml"))
        #expect(try await Whoami.cassette(using: vcr.session) == "VCRTestingTests/whoami")
    }

    @Test func noVCROutsideTheTrait() {
        #expect(VCR.current == nil)
    }

    @Test func defaultNamesComeFromSuitesAndTheFunction() throws {
        let test = try #require(Test.current)
        #expect(_CassetteTrait.group(of: test) == "CassetteTraitTests")
        #expect(_CassetteTrait.name(of: test) == "defaultNamesComeFromSuitesAndTheFunction")
    }

    @Test func unmatchedRequestIsAnIssueAtTheTraitWithTheMismatchReport() async throws {
        let line = #line + 1
        let trait: _CassetteTrait = .cassette("VCRTestingTests/whoami")
        let issues = try await issues(whileRunning: trait) { vcr in
            _ = try await vcr.session.data(for: Whoami.unknownRequest)
        }
        let issue = try #require(issues.first)
        #expect(issues.count == 1)
        #expect(issue.sourceLocation?.line == line)
        #expect(issue.sourceLocation?.fileID == #fileID)
        let message = issue.comments.map(\.rawValue).joined()
        #expect(message.contains("POST https://api.example.com/v1/orders?status=open"))
        #expect(message.contains("VCRTestingTests/whoami.yaml"))
    }

    @Test func aMismatchInsideTheCallersOwnErrorIsReportedOnce() async throws {
        struct ClientError: Error, CustomStringConvertible {
            var underlyingError: any Error
            var description: String { "Client error - underlying error: \(underlyingError)" }
        }
        let trait: _CassetteTrait = .cassette("VCRTestingTests/whoami")
        let issues = try await issues(whileRunning: trait) { vcr in
            do {
                _ = try await vcr.session.data(for: Whoami.unknownRequest)
            } catch {
                throw ClientError(underlyingError: error)
            }
        }
        let texts = issues.map { issue in
            if case .errorCaught(let error) = issue.kind { return "\(error)" }
            return issue.comments.map(\.rawValue).joined()
        }
        #expect(texts.count == 2)  // the report, and the thrown error pointing at it
        #expect(texts.filter { $0.contains("Closest recorded interactions") }.count == 1)
        #expect(texts.contains { $0.contains("(thrown inside a ClientError); the mismatch report is the failure at") })
    }

    @Test func unusedInteractionsAreAnIssueWhenNotAllowed() async throws {
        let trait: _CassetteTrait = .cassette("VCRTestingTests/whoami", allowingUnused: false)
        let issues = try await issues(whileRunning: trait) { _ in }
        let message = try #require(issues.first).comments.map(\.rawValue).joined()
        #expect(issues.count == 1)
        #expect(message.contains("1 of 1 interactions"))
        #expect(message.contains("#0 GET https://api.example.com/v1/whoami"))
    }

    @Test func unusedInteractionsAreAllowedByDefault() async throws {
        let trait: _CassetteTrait = .cassette("VCRTestingTests/whoami")
        try await trait.provideScope(for: try #require(Test.current), testCase: Test.Case.current) {}
    }

    @Test func missingCassetteIsAnIssueAndTheTestDoesNotRun() async throws {
        let trait: _CassetteTrait = .cassette("VCRTestingTests/missing")
        let ran = Box<Bool>()
        let issues = try await issues(whileRunning: trait) { _ in ran.value = true }
        let issue = try #require(issues.first)
        #expect(ran.value == nil)
        guard case .errorCaught(let error) = issue.kind else {
            Issue.record("expected a caught error, found \(issue.kind)")
            return
        }
        #expect((error as? CassetteError)?.path.hasSuffix("Cassettes/VCRTestingTests/missing.yaml") == true)
    }

    @Test func otherErrorsOfTheTestPassThrough() async throws {
        struct Unrelated: Error {}
        let trait: _CassetteTrait = .cassette("VCRTestingTests/whoami")
        await #expect(throws: Unrelated.self) {
            try await trait.provideScope(for: try #require(Test.current), testCase: Test.Case.current) {
                throw Unrelated()
            }
        }
    }

    /// Runs `body` inside the trait's scope, as Swift Testing would around a
    /// test, and returns the issues the scope recorded.
    @Test func aRecordingCassetteNobodyUsedIsAnIssueNamingTheLikelyCause() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vcr-unused-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let trait: _CassetteTrait = .cassette("never-used", directory: directory.path, mode: .missing)
        // The code under test uses its own session, not the VCR's.
        let issues = try await issues(whileRunning: trait) { _ in
            _ = URLSession(configuration: .ephemeral)
        }
        let message = try #require(issues.first).comments.map(\.rawValue).joined()
        #expect(issues.count == 1)
        #expect(message.contains("did not use the VCR's session or configuration"))
        #expect(message.contains("URLSession.shared"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("never-used.yaml").path))
    }

    /// `stop()` blocks while it waits for streams being recorded and for the
    /// cassette's lock; done in the test's task it would hold a thread of the
    /// cooperative pool, as wide as the machine's cores, and stall the tests
    /// running beside it. The record hook of a recording cut short runs inside
    /// `stop()`, so it tells whether `stop()` ran in a task.
    @Test func theTraitStopsTheVCROutsideTheTestsTask() async throws {
        let server = try LocalServer()
        defer { try? server.shutdown() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vcr-stop-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let stoppedInTask = Box<[Bool]>()
        var options = VCR.Options()
        options.inFlightRecordingTimeout = .milliseconds(1)
        options.beforeRecord.append { interaction in
            stoppedInTask.update(startingWith: []) { $0.append(withUnsafeCurrentTask { $0 != nil }) }
            return interaction
        }
        let trait: _CassetteTrait = .cassette("stalled", directory: directory.path, mode: .all, options: options)
        let issues = try await issues(whileRunning: trait) { vcr in
            let firstChunk = FirstChunkSignal()
            let session = URLSession(configuration: vcr.makeConfiguration(), delegate: firstChunk, delegateQueue: nil)
            // Only stop() ends the stream: a session's 60 s timeout, reached on
            // a loaded machine, would end the recording as a failed request.
            session.dataTask(with: URLRequest(url: server.url("/stall"), timeoutInterval: 3600)).resume()
            for await _ in firstChunk.arrivals { break }
        }
        #expect(stoppedInTask.value == [false])
        let message = issues.flatMap(\.comments).map(\.rawValue).joined()
        #expect(message.contains("stall"), "the cut-short recording is an issue: \(message)")
        let cassette = try Cassette(contentsOf: directory.appendingPathComponent("stalled.yaml"))
        #expect(cassette.interactions.map(\.response.body) == [LocalServer.stallPrefix])
    }

    private func issues(
        whileRunning trait: _CassetteTrait, _ body: @escaping @Sendable (VCR) async throws -> Void
    ) async throws -> [Issue] {
        let test = try #require(Test.current)
        let recorded = Box<[Issue]>()
        try await withKnownIssue {
            try await trait.provideScope(for: test, testCase: Test.Case.current) {
                try await body(try #require(VCR.current))
            }
        } matching: { issue in
            recorded.update(startingWith: []) { $0.append(issue) }
            return true
        }
        return recorded.value ?? []
    }
}

/// A data delegate that tells each chunk's arrival.
private final class FirstChunkSignal: NSObject, URLSessionDataDelegate, Sendable {
    let arrivals: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    override init() {
        (arrivals, continuation) = AsyncStream.makeStream()
        super.init()
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        continuation.yield()
    }
}

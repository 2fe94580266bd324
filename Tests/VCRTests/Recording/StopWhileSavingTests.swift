import Foundation
import TestSupport
import Testing
import VCRCassette

@testable import VCR

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `stop()` saves outside the lock requests go through: a request that
/// arrives while the save waits fails at once instead of waiting with it.
@Suite struct StopWhileSavingTests {
    @Test func aRequestDuringASlowSaveFailsAsStoppedAndTheSaveCompletes() async throws {
        let server = try LocalServer()
        defer { try? server.shutdown() }
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cassette = folder.appendingPathComponent("slow.yaml")
        let vcr = try VCR(cassette: cassette, mode: .missing, options: RecordingSupport.quiet)
        _ = try await vcr.session.data(from: server.url("/echo"))

        // Hold the cassette file's lock, as another process saving would: the save waits for it.
        let release = DispatchSemaphore(value: 0)
        await withCheckedContinuation { (held: CheckedContinuation<Void, Never>) in
            Thread {
                _ = try? CassetteFile.withLock(cassette) { _ in
                    held.resume()
                    release.wait()
                }
            }.start()
        }
        async let report = Self.onThread { vcr.stop() }

        // Until stop() stops answering, the request is one to record; then it
        // fails as stopped, while the save still waits for the lock this test holds.
        let request = InterceptedRequest(method: "GET", url: server.url("/other").absoluteString)
        while true {
            if case .failure(let error) = vcr.resolve(request) {
                guard case .stopped(let line, let path)? = error as? ReplayError else {
                    Issue.record("expected ReplayError.stopped, got \(error)")
                    break
                }
                #expect(line == "GET \(request.url)")
                #expect(path == cassette.path)
                break
            }
            try await Task.sleep(for: .milliseconds(1))
        }
        release.signal()

        let saved = await report
        #expect(saved.isSaved)
        #expect(saved.recordedInteractions.map(\.request.url) == [server.url("/echo").absoluteString])
        #expect(vcr.stop().recordedInteractions == saved.recordedInteractions)
        #expect(try Cassette(contentsOf: cassette).interactions.count == 1)
    }

    /// Runs `body` on a thread of its own, off the cooperative pool, since it blocks.
    private static func onThread<Value: Sendable>(_ body: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: body()) }.start()
        }
    }
}

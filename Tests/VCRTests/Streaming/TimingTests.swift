import Foundation
import Testing
import VCR
import VCRCassette

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Delayed delivery still delivers every byte, in order, to every kind of caller.
/// (How long it takes is the benchmark's business: no timed assertions here.)
@Suite struct TimingTests {
    private let url = URL(string: "https://api.example.com/items")!

    @Test(arguments: [VCR.Timing.recordedLatency(), .realTime(), .realTime(speed: 4), .recordedLatency(speed: 0)])
    func delayedResponsesArriveWhole(_ timing: VCR.Timing) async throws {
        let events = Fixtures.serverSentEvents(5)
        let interactions = (0..<2).map {
            Fixtures.interaction(
                $0, headers: ["Content-Type": ["text/event-stream"]], body: events, contentLength: -1,
                duration: GoDuration(nanoseconds: 20_000_000))
        }
        var options = Fixtures.quiet
        options.timing = timing
        let vcr = VCR(cassette: Cassette(interactions: interactions), path: "/c/timing.yaml", options: options)
        let (data, _) = try await vcr.session.data(for: URLRequest(url: url))
        #expect(data == Data(events.utf8))
        let outcome = await ChunkRecorder.run(URLRequest(url: url), configuration: vcr.makeConfiguration())
        #expect(outcome.chunks.count == 5)
        #expect(outcome.body == Data(events.utf8))
        try vcr.stop().check()
    }

    @Test func aCancelledDelayedTaskStops() async throws {
        let interaction = Fixtures.interaction(0, duration: GoDuration(nanoseconds: 60_000_000_000))
        var options = Fixtures.quiet
        options.timing = .recordedLatency()
        let vcr = VCR(cassette: Cassette(interactions: [interaction]), path: "/c/cancel.yaml", options: options)
        let recorder = ChunkRecorder()
        let session = URLSession(configuration: vcr.makeConfiguration(), delegate: recorder, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let outcome = await recorder.run {
            let task = session.dataTask(with: url)
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(50)) { task.cancel() }
            return task
        }
        #expect((outcome.error as? URLError)?.code == .cancelled)
        #expect(outcome.chunks.isEmpty)
    }
}

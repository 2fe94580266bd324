import Foundation
import TestSupport
import Testing
import VCRCassette

@testable import VCR

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `.realTime` replays a stream recorded with its chunks' arrival times at the recorded pace.
@Suite struct PacingTests {
    private let arrivals = [
        ChunkArrival(size: 10, offset: GoDuration(nanoseconds: 50_000_000)),
        ChunkArrival(size: 10, offset: GoDuration(nanoseconds: 70_000_000)),
        ChunkArrival(size: 10, offset: GoDuration(nanoseconds: 300_000_000)),
    ]
    private let duration = GoDuration(nanoseconds: 40_000_000)

    @Test func eachChunkComesWhenTheRecordedPieceHoldingItsLastByteArrived() {
        let aligned = DeliverySchedule(
            timing: .realTime(speed: 1), duration: duration, chunkEnds: [10, 20, 30], bodyLength: 30, arrivals: arrivals
        )
        #expect(aligned.beforeHeaders == .milliseconds(40))
        #expect(aligned.beforeChunks == [.milliseconds(10), .milliseconds(20), .milliseconds(230)])
        let unaligned = DeliverySchedule(
            timing: .realTime(speed: 2), duration: duration, chunkEnds: [15, 30], bodyLength: 30, arrivals: arrivals)
        #expect(unaligned.beforeHeaders == .milliseconds(20))
        #expect(unaligned.beforeChunks == [.milliseconds(15), .milliseconds(115)])
        // A body a hook made twice as long maps onto the recorded pieces in proportion.
        let longer = DeliverySchedule(
            timing: .realTime(speed: 1), duration: duration, chunkEnds: [20, 40, 60], bodyLength: 60, arrivals: arrivals
        )
        #expect(longer.beforeChunks == aligned.beforeChunks)
        // Other timings, and responses without arrivals, keep their schedules.
        let latency = DeliverySchedule(
            timing: .recordedLatency(), duration: duration, chunkEnds: [10, 20, 30], bodyLength: 30, arrivals: arrivals)
        #expect(latency == DeliverySchedule(timing: .recordedLatency(), duration: duration, chunkCount: 3))
        let none = DeliverySchedule(
            timing: .realTime(), duration: duration, chunkEnds: [10, 20, 30], bodyLength: 30, arrivals: [])
        #expect(none == DeliverySchedule(timing: .realTime(), duration: duration, chunkCount: 3))
    }

    @Test func aRecordedStreamReplaysAtItsRecordedPace() async throws {
        try await RecordingSupport.withServerAndFolder { server, folder in
            let cassette = folder.appendingPathComponent("paced.yaml")

            // Record: four events 20 ms apart, then the last one held for 300 ms.
            let recorder = try VCR(cassette: cassette, mode: .all, options: RecordingSupport.quiet)
            // Released from Dispatch, not a task: the cooperative pool may be busy with other tests.
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(380)) { server.releaseLastEvent() }
            let recorded = await StreamingReader().run(
                URLRequest(url: server.url("/sse")), configuration: recorder.makeConfiguration())
            #expect(recorded.error == nil)
            #expect(recorder.stop().isSaved)
            #expect(server.lastEventWasReleased == true)
            let response = try #require(try Cassette(contentsOf: cassette).interactions.first?.response)
            let pieces = response.chunkArrivals
            #expect(pieces.map(\.size).reduce(0, +) == response.body.count)
            #expect(pieces.count >= 2)
            #expect(String(decoding: try Data(contentsOf: cassette), as: UTF8.self).contains("x_chunks:"))

            // Replay: each event no earlier than its bytes arrived when recorded, in order.
            var options = RecordingSupport.quiet
            options.timing = .realTime(speed: 1)
            let player = try VCR(cassette: cassette, mode: .never, options: options)
            let replayed = await TimedChunkReader.run(
                URLRequest(url: server.url("/sse")), configuration: player.makeConfiguration())
            try player.stop().check()
            #expect(replayed.chunks.map { String(decoding: $0.data, as: UTF8.self) } == LocalServer.events)

            // When each replayed chunk's last byte arrived while recording.
            var ends: [(end: Int, at: Duration)] = []
            var total = 0
            for piece in pieces {
                total += piece.size
                ends.append((total, piece.offset.duration))
            }
            let gaps = zip(pieces.dropFirst(), pieces).map { $0.offset.duration - $1.offset.duration }
            let tolerance = (gaps.min() ?? .zero) / 10  // timer slack, set by the recording's finest spacing
            var end = 0
            for chunk in replayed.chunks {
                end += chunk.data.count
                let due = try #require(ends.first { $0.end >= end }).at
                #expect(
                    chunk.at >= due - tolerance, "chunk ending at byte \(end) came at \(chunk.at), recorded at \(due)")
            }
            // The held event is the recording's widest gap, and the replay's last chunk comes after it.
            let held = try #require(pieces.last).offset.duration
            #expect(try #require(replayed.chunks.last).at >= held - tolerance)
        }
    }
}

/// A data delegate that notes when each chunk arrives, from the task's start.
final class TimedChunkReader: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    // @unchecked: the mutable state is only touched under `lock`.
    /// What arrived: each chunk with its time since the task started.
    struct Outcome: Sendable {
        var chunks: [(data: Data, at: Duration)] = []
        var error: (any Error)?
    }

    private let lock = NSLock()
    private var started = ContinuousClock.now
    private var outcome = Outcome()
    private var continuation: CheckedContinuation<Outcome, Never>?

    /// Runs a data task for `request` on a new session with this delegate.
    static func run(_ request: URLRequest, configuration: URLSessionConfiguration) async -> Outcome {
        let reader = TimedChunkReader()
        let session = URLSession(configuration: configuration, delegate: reader, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        return await withCheckedContinuation { continuation in
            reader.lock.withLock {
                reader.continuation = continuation
                reader.started = ContinuousClock.now
            }
            session.dataTask(with: request).resume()
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.withLock { outcome.chunks.append((data, ContinuousClock.now - started)) }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let (outcome, continuation) = lock.withLock {
            self.outcome.error = error
            defer { self.continuation = nil }
            return (self.outcome, self.continuation)
        }
        continuation?.resume(returning: outcome)
    }
}

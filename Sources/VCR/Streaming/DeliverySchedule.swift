import VCRCassette

/// The delays of one replayed response: before its headers, and before each chunk.
struct DeliverySchedule: Equatable, Sendable {
    /// The wait before the headers are sent.
    var beforeHeaders: Duration
    /// The wait before each chunk, measured from the previous step.
    var beforeChunks: [Duration]

    /// Whether nothing waits at all.
    var isImmediate: Bool {
        beforeHeaders == .zero && beforeChunks.allSatisfy { $0 == .zero }
    }

    init(beforeHeaders: Duration, beforeChunks: [Duration]) {
        self.beforeHeaders = beforeHeaders
        self.beforeChunks = beforeChunks
    }

    /// The schedule for `chunkCount` chunks of a response recorded as taking `duration`.
    init(timing: VCR.Timing, duration: GoDuration, chunkCount: Int) {
        let recorded = max(duration.duration, .zero)
        switch timing {
        case .immediate:
            self.init(beforeHeaders: .zero, beforeChunks: Array(repeating: .zero, count: chunkCount))
        case .recordedLatency(let speed):
            self.init(
                beforeHeaders: Self.scale(recorded, speed: speed),
                beforeChunks: Array(repeating: .zero, count: chunkCount))
        case .realTime(let speed):
            let step = chunkCount > 0 ? Self.scale(recorded, speed: speed) / chunkCount : .zero
            self.init(beforeHeaders: .zero, beforeChunks: Array(repeating: step, count: chunkCount))
        }
    }

    /// The schedule for chunks that end at `chunkEnds` (byte offsets in a body
    /// of `bodyLength` bytes) of a response whose pieces arrived at `arrivals`
    /// while it was recorded.
    ///
    /// With ``VCR/Timing/realTime(speed:)`` and arrivals, the headers come after
    /// the recorded duration and each chunk when the recorded piece holding its
    /// last byte arrived: the stream keeps its recorded pace. A body changed
    /// since it was recorded (by a hook or redaction) is mapped onto the
    /// recorded pieces in proportion to its length. Without arrivals, or with
    /// another timing, the schedule of ``init(timing:duration:chunkCount:)``.
    init(timing: VCR.Timing, duration: GoDuration, chunkEnds: [Int], bodyLength: Int, arrivals: [ChunkArrival]) {
        let recordedLength = arrivals.reduce(0) { $0 + $1.size }
        guard case .realTime(let speed) = timing, recordedLength > 0, bodyLength > 0 else {
            self.init(timing: timing, duration: duration, chunkCount: chunkEnds.count)
            return
        }
        let headers = max(duration.duration, .zero)
        var previous = headers
        var piece = 0
        var pieceEnd = arrivals[0].size
        var pieceTime = max(arrivals[0].offset.duration, headers)
        var delays: [Duration] = []
        delays.reserveCapacity(chunkEnds.count)
        for end in chunkEnds {
            let recordedEnd = Int((Double(end) * Double(recordedLength) / Double(bodyLength)).rounded(.up))
            while pieceEnd < recordedEnd, piece + 1 < arrivals.count {
                piece += 1
                pieceEnd += arrivals[piece].size
                pieceTime = max(arrivals[piece].offset.duration, pieceTime)
            }
            let at = max(pieceTime, previous)
            delays.append(Self.scale(at - previous, speed: speed))
            previous = at
        }
        self.init(beforeHeaders: Self.scale(headers, speed: speed), beforeChunks: delays)
    }

    /// `duration / speed`; no wait for a speed that is not a positive finite number.
    private static func scale(_ duration: Duration, speed: Double) -> Duration {
        guard speed.isFinite, speed > 0 else { return .zero }
        return duration / speed
    }
}

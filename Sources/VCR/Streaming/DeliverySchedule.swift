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

    /// The wait from the headers to the last chunk: when a body sent whole arrives.
    var bodyDelay: Duration {
        beforeChunks.reduce(.zero, +)
    }

    init(beforeHeaders: Duration, beforeChunks: [Duration]) {
        self.beforeHeaders = beforeHeaders
        self.beforeChunks = beforeChunks
    }

    /// The schedule for `chunkCount` chunks of a response recorded as taking `duration`.
    init(timing: VCR.Timing, duration: GoDuration, chunkCount: Int) {
        let recorded = max(duration.duration, .zero)
        switch timing {
        case .none:
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

    /// `duration / speed`; no wait for a speed that is not a positive finite number.
    private static func scale(_ duration: Duration, speed: Double) -> Duration {
        guard speed.isFinite, speed > 0 else { return .zero }
        return duration / speed
    }
}

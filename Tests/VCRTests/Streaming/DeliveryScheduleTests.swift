import Testing
import VCRCassette

@testable import VCR

@Suite struct DeliveryScheduleTests {
    private let second = GoDuration(nanoseconds: 1_000_000_000)

    @Test func noTimingWaitsForNothing() {
        let schedule = DeliverySchedule(timing: .immediate, duration: second, chunkCount: 3)
        #expect(schedule.isImmediate)
        #expect(schedule.beforeChunks.count == 3)
    }

    @Test func recordedLatencyWaitsBeforeTheHeaders() {
        let schedule = DeliverySchedule(timing: .recordedLatency(), duration: second, chunkCount: 3)
        #expect(schedule.beforeHeaders == .seconds(1))
        #expect(schedule.beforeChunks == [.zero, .zero, .zero])
    }

    @Test func realTimeSpreadsTheChunksOverTheDuration() {
        let schedule = DeliverySchedule(timing: .realTime(), duration: second, chunkCount: 4)
        #expect(schedule.beforeHeaders == .zero)
        #expect(schedule.beforeChunks == Array(repeating: .milliseconds(250), count: 4))
    }

    @Test func speedDividesTheDelays() {
        #expect(
            DeliverySchedule(timing: .recordedLatency(speed: 4), duration: second, chunkCount: 1).beforeHeaders
                == .milliseconds(250))
        #expect(
            DeliverySchedule(timing: .realTime(speed: 2), duration: second, chunkCount: 2).beforeChunks
                == [.milliseconds(250), .milliseconds(250)])
    }

    @Test(arguments: [0.0, -1.0, Double.infinity, Double.nan])
    func aSpeedThatIsNotPositiveAndFiniteWaitsForNothing(_ speed: Double) {
        #expect(DeliverySchedule(timing: .recordedLatency(speed: speed), duration: second, chunkCount: 2).isImmediate)
        #expect(DeliverySchedule(timing: .realTime(speed: speed), duration: second, chunkCount: 2).isImmediate)
    }
}

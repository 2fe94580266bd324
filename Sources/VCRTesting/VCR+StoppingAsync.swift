import Dispatch
import VCR

extension VCR {
    /// Stops the VCR on a dispatch queue and awaits its report, so the test's
    /// task never blocks a thread of Swift's cooperative pool: ``VCR/stop()``
    /// may wait up to ``VCR/Options/inFlightRecordingTimeout`` for streams being
    /// recorded and up to 30 seconds for the cassette's lock. Blocked there,
    /// a pool only as wide as the machine's cores would stall every other test
    /// running in parallel (their sleeps, timeouts and continuations).
    func stopOffThePool() async -> ReplayReport {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: self.stop()) }
        }
    }
}

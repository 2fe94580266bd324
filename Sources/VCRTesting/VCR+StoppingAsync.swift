import Foundation
import VCR

extension VCR {
    /// Stops the VCR on a thread of its own and awaits its report, so the
    /// test's task never blocks a thread of Swift's cooperative pool:
    /// ``VCR/stop()`` may wait up to ``VCR/Options/inFlightRecordingTimeout``
    /// for streams being recorded and up to 30 seconds for the cassette's lock.
    /// Blocked there, a pool only as wide as the machine's cores would stall
    /// every other test running in parallel (their sleeps, timeouts and
    /// continuations). Not a global dispatch queue either: on Linux the pool
    /// runs on the same threads.
    func stopOffThePool() async -> ReplayReport {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: self.stop()) }.start()
        }
    }
}

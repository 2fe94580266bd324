import Foundation
import VCR

/// Counts the responses in progress, so that closing a server can wait until
/// none is left, for a bounded time.
final class Activity: Sendable {
    private struct State {
        var count = 0
        var waiters: [UUID: CheckedContinuation<Void, Never>] = [:]
    }

    private let state = Locked(State())

    /// A response began.
    func begin() {
        state.withLock { $0.count += 1 }
    }

    /// A response ended: when it was the last one, the waiters resume.
    func end() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.count -= 1
            guard state.count == 0 else { return [] }
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns when no response is in progress, or after `timeout`.
    func waitUntilIdle(timeout: Duration) async {
        let id = UUID()
        let timer = Task { [state] in
            try? await Task.sleep(for: timeout)
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let isIdle = state.withLock { state in
                if state.count == 0 { return true }
                state.waiters[id] = continuation
                return false
            }
            if isIdle { continuation.resume() }
        }
        timer.cancel()
    }
}

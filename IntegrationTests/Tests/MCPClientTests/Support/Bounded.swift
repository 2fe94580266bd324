import Foundation

/// The time a step of a test took too long for.
struct TimedOut: Error, CustomStringConvertible {
    let seconds: Double
    var description: String { "timed out after \(seconds) s" }
}

/// Runs `work`, or throws ``TimedOut`` after `seconds` even when `work` never
/// returns (an MCP client waits forever for a response with its own id):
/// no test may hang.
func bounded<Value: Sendable>(
    seconds: Double, _ work: @escaping @Sendable () async throws -> Value
) async throws -> Value {
    let outcome = Outcome<Value>()
    return try await withCheckedThrowingContinuation { continuation in
        outcome.set(continuation)
        let task = Task {
            do {
                outcome.resume(with: .success(try await work()))
            } catch {
                outcome.resume(with: .failure(error))
            }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) {
            outcome.resume(with: .failure(TimedOut(seconds: seconds)))
            task.cancel()
        }
    }
}

/// Resumes a continuation once, with whichever result comes first.
private final class Outcome<Value: Sendable>: @unchecked Sendable {
    // @unchecked: `continuation` is only touched under `lock`.
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Value, any Error>?

    func set(_ continuation: CheckedContinuation<Value, any Error>) {
        lock.withLock { self.continuation = continuation }
    }

    func resume(with result: Result<Value, any Error>) {
        let continuation = lock.withLock {
            defer { self.continuation = nil }
            return self.continuation
        }
        continuation?.resume(with: result)
    }
}

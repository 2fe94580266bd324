/// Times work with the monotonic clock.
enum Stopwatch {
    /// How long `body` takes, and what it returned.
    static func time<Result>(_ body: () throws -> Result) rethrows -> (Duration, Result) {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try body()
        return (clock.now - start, result)
    }

    /// How long `body` takes, and what it returned.
    static func time<Result>(_ body: () async throws -> Result) async rethrows -> (Duration, Result) {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try await body()
        return (clock.now - start, result)
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}

/// Keeps a value a benchmark computed, so that the optimizer cannot drop the work.
@inline(never)
func keep(_ value: Int) {
    if value == Int.min { print("unreachable checksum") }
}

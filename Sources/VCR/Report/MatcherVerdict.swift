/// Whether one matcher passed for a recorded interaction, and why not when it failed.
public struct MatcherVerdict: Sendable, Hashable, CustomStringConvertible {
    /// The matcher's name, such as `url`.
    public let matcher: String
    /// Whether the interaction passed it.
    public let passed: Bool
    /// What differed, for a failed matcher; empty when it passed.
    public let detail: String

    /// Creates a verdict.
    package init(matcher: String, passed: Bool, detail: String = "") {
        self.matcher = matcher
        self.passed = passed
        self.detail = detail
    }

    /// `✓ url`, or `✗ method: cassette GET, request POST`.
    public var description: String {
        passed ? "✓ \(matcher)" : "✗ \(matcher)" + (detail.isEmpty ? "" : ": \(detail)")
    }
}

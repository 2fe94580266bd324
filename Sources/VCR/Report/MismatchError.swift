import Foundation
import VCRCassette

/// The error a request fails with when no recorded interaction answers it.
///
/// Its ``description`` explains the mismatch: the request, the closest recorded
/// interactions with each matcher passed or failed, a diff of the bodies, and
/// how to record the request. The same text is printed to standard error when
/// the request fails, and the error is kept in the VCR's ``ReplayReport``.
public struct MismatchError: Error, LocalizedError, CustomStringConvertible, Sendable {
    /// A recorded interaction close to the request, and how it compared.
    public struct Candidate: Sendable {
        /// The recorded interaction.
        public let interaction: Interaction
        /// One verdict per matcher, in the matchers' order.
        public let verdicts: [MatcherVerdict]
        /// Whether an earlier request already used this interaction.
        public let isUsed: Bool
        /// The unified diff of the bodies (`-` cassette, `+` request) when a body matcher failed.
        public let bodyDiff: String?
    }

    /// The request that found no answer.
    public let request: InterceptedRequest
    /// The cassette's path.
    public let cassettePath: String
    /// The closest recorded interactions, closest first, at most three.
    public let candidates: [Candidate]
    /// The ids of interactions that match the request but were already used.
    public let usedMatchIDs: [Int]
    /// The full explanation.
    public let description: String

    /// The same text as ``description``.
    public var errorDescription: String? { description }
}

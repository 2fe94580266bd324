extension VCR {
    /// How a VCR matches requests and delivers responses.
    public struct Options: Sendable {
        /// The rules an interaction must pass to answer a request; charmbracelet
        /// x/vcr's rule by default (method, URL, and body when the request has one).
        public var matchers: [Matcher]
        /// Whether a request whose matches were all used is answered again with
        /// the last one used. Off by default: each interaction answers one request.
        public var allowsRepeats: Bool
        /// When responses arrive; at once by default.
        public var timing: Timing
        /// The largest slice, in bytes, of a streamed body cut without event or
        /// line boundaries; such a body of two bytes or more always makes at
        /// least two slices.
        public var sliceSize: Int
        /// Whether a mismatch is also printed to standard error.
        public var printsMismatches: Bool

        /// Creates options.
        public init(
            matchers: [Matcher] = .default,
            allowsRepeats: Bool = false,
            timing: Timing = .none,
            sliceSize: Int = 1024,
            printsMismatches: Bool = true
        ) {
            self.matchers = matchers
            self.allowsRepeats = allowsRepeats
            self.timing = timing
            self.sliceSize = sliceSize
            self.printsMismatches = printsMismatches
        }
    }
}

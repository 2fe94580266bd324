import Foundation

extension VCR {
    /// How a VCR matches requests, delivers responses and records.
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
        public var chunkSize: Int
        /// Whether a mismatch is also printed to standard error.
        public var printsMismatches: Bool
        /// What is taken out of recorded interactions, and out of requests
        /// before matching; secrets by default.
        public var redaction: Redaction
        /// Where recorded requests are sent instead of their own origin: the
        /// scheme, host and port are replaced by this URL's (its path is put
        /// before the request's), while the cassette keeps the request's own
        /// URL. When nil, the `VCR_RECORD_UPSTREAM` environment variable is
        /// used if set. For recording against a local stand-in of a service.
        public var upstream: URL?
        /// How long ``VCR/stop()`` waits for responses still being recorded to
        /// end, such as a stream the client stopped reading early, which the
        /// recorder reads to its end. A response still going after that is saved
        /// with what had arrived and reported in ``ReplayReport/cutShortRecordings``.
        /// 30 seconds by default.
        public var inFlightRecordingTimeout: Duration
        /// What each recorded interaction goes through after redaction, in
        /// order, before it is kept: each hook may change it or drop it.
        public var beforeRecord: [RecordHook]
        /// What each recorded response goes through, in order, before it is
        /// replayed to a live request: each hook may change its status,
        /// headers and body.
        public var beforeReplay: [ReplayHook]
        /// Which requests go to the network untouched in every mode, never
        /// recorded; none by default.
        public var passthrough: Passthrough

        /// Creates options.
        public init(
            matchers: [Matcher] = .default,
            allowsRepeats: Bool = false,
            timing: Timing = .immediate,
            chunkSize: Int = 1024,
            printsMismatches: Bool = true,
            redaction: Redaction = Redaction(),
            upstream: URL? = nil,
            inFlightRecordingTimeout: Duration = .seconds(30),
            beforeRecord: [RecordHook] = [],
            beforeReplay: [ReplayHook] = [],
            passthrough: Passthrough = .nothing
        ) {
            self.matchers = matchers
            self.allowsRepeats = allowsRepeats
            self.timing = timing
            self.chunkSize = chunkSize
            self.printsMismatches = printsMismatches
            self.redaction = redaction
            self.upstream = upstream
            self.inFlightRecordingTimeout = inFlightRecordingTimeout
            self.beforeRecord = beforeRecord
            self.beforeReplay = beforeReplay
            self.passthrough = passthrough
        }
    }
}

extension VCR {
    /// When a replayed response arrives.
    ///
    /// A response's recorded `duration` is the time the server took to send its headers.
    public enum Timing: Sendable, Hashable {
        /// Everything at once, with no delay (the default).
        case immediate
        /// The headers after the recorded duration, then the body at once, as
        /// go-vcr replays. `speed` divides the delay: 2 waits half as long.
        case recordedLatency(speed: Double = 1)
        /// The stream at its recorded pace: for a response recorded with the
        /// arrival of each piece (`RecordedResponse.chunkArrivals`),
        /// the headers after the recorded duration and each chunk when its
        /// bytes arrived. For other responses, the headers at once, then the
        /// chunks spread evenly over the recorded duration, the last one at its
        /// end. `speed` divides the delays.
        case realTime(speed: Double = 1)
    }
}

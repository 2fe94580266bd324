extension VCR {
    /// What a VCR does with the requests its cassette cannot answer, named after
    /// the values of the `VCR_RECORD` environment variable.
    public enum Mode: String, Sendable, CaseIterable {
        /// Replay only: every request is answered from the cassette, and one the
        /// cassette cannot answer fails with a ``MismatchError``. Nothing reaches the network.
        case never
    }
}

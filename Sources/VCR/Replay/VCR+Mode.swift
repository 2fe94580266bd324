extension VCR {
    /// What a VCR does with the requests its cassette cannot answer, named after
    /// the values of the `VCR_RECORD` environment variable.
    ///
    /// | `VCR_RECORD` | Mode | Missing cassette | Existing cassette |
    /// |---|---|---|---|
    /// | unset, `never` | ``never`` | error | replayed only |
    /// | `missing`, `1`, `true`, `yes` | ``missing`` | recorded | replayed only |
    /// | `new_episodes` | ``newEpisodes`` | recorded | replayed; other requests recorded and appended |
    /// | `all` | ``all`` | recorded | ignored; everything recorded, the file replaced |
    public enum Mode: String, Sendable, CaseIterable {
        /// Replay only: every request is answered from the cassette, and one the
        /// cassette cannot answer fails with a ``MismatchError``. Nothing reaches the network.
        case never
        /// Record a cassette that does not exist yet; replay an existing one
        /// as ``never`` does (go-vcr's record-once).
        case missing
        /// Replay the requests the cassette answers; forward and record the
        /// others, appended to the cassette when the VCR stops.
        case newEpisodes = "new_episodes"
        /// Ignore the cassette on disk: forward and record every request, and
        /// replace the file when the VCR stops. The old file is kept when a
        /// forwarded request failed; when another process wrote the file after
        /// the VCR opened it, the recording is appended to theirs.
        case all

        /// The environment variable that chooses the mode.
        public static let environmentVariable = "VCR_RECORD"

        /// Spellings of ``missing`` besides its name.
        private static let missingAliases: Set<String> = ["1", "true", "yes"]

        /// The mode `VCR_RECORD` names in `environment`; ``never`` when it is unset or empty.
        ///
        /// Values are case-insensitive; `1`, `true` and `yes` mean ``missing``.
        ///
        /// - Throws: ``InvalidModeError`` for any other value, listing the valid ones.
        public init(environment: [String: String]) throws(InvalidModeError) {
            guard let value = environment[Self.environmentVariable], !value.isEmpty else {
                self = .never
                return
            }
            let lowered = value.lowercased()
            if let mode = Mode(rawValue: lowered) {
                self = mode
            } else if Self.missingAliases.contains(lowered) {
                self = .missing
            } else {
                throw InvalidModeError(value: value)
            }
        }
    }

    /// A `VCR_RECORD` value that names no ``Mode``.
    public struct InvalidModeError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The value found.
        public let value: String

        /// Names the value and lists the valid ones.
        public var description: String {
            "\(Mode.environmentVariable) is `\(value)`; expected one of never, missing (or 1, true, yes), "
                + "new_episodes, all"
        }
    }
}

extension VCR {
    /// What a VCR does with the requests its cassette cannot answer, named after
    /// the values of the `VCR_RECORD` environment variable.
    ///
    /// | `VCR_RECORD` | Mode | Missing cassette | Existing cassette |
    /// |---|---|---|---|
    /// | unset, `never`, `none`, `0`, `false`, `no` | ``never`` | error | replayed only |
    /// | `missing`, `once`, `1`, `true`, `yes` | ``missing`` | recorded | replayed only |
    /// | `new_episodes`, `new-episodes` | ``newEpisodes`` | recorded | replayed; other requests recorded and appended |
    /// | `all` | ``all`` | recorded | ignored; everything recorded, the file replaced |
    ///
    /// A struct rather than an enum, so that a mode added later breaks no
    /// exhaustive `switch`: compare with `==`.
    public struct Mode: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The mode's `VCR_RECORD` name: `never`, `missing`, `new_episodes` or `all`.
        public let rawValue: String

        /// The mode named `rawValue` (its `VCR_RECORD` name, exactly); `nil` for any other value.
        public init?(rawValue: String) {
            guard let mode = Self.known.first(where: { $0.rawValue == rawValue }) else { return nil }
            self = mode
        }

        /// A mode by name; only the static members below call it.
        private init(name: String) {
            rawValue = name
        }

        /// Replay only: every request is answered from the cassette, and one the
        /// cassette cannot answer fails with a ``MismatchError``. Nothing reaches the network.
        public static let never = Mode(name: "never")
        /// Record a cassette that does not exist yet; replay an existing one
        /// as ``never`` does (go-vcr's record-once).
        public static let missing = Mode(name: "missing")
        /// Replay the requests the cassette answers; forward and record the
        /// others, appended to the cassette when the VCR stops.
        public static let newEpisodes = Mode(name: "new_episodes")
        /// Ignore the cassette on disk: forward and record every request, and
        /// replace the file when the VCR stops. The old file is kept when a
        /// forwarded request failed; when another process wrote the file after
        /// the VCR opened it, the recording is appended to theirs.
        public static let all = Mode(name: "all")

        /// Every mode, in the order of the table above.
        static let known: [Mode] = [.never, .missing, .newEpisodes, .all]

        /// The mode's `VCR_RECORD` name.
        public var description: String { rawValue }

        /// The recording rule of the table above: whether a VCR in this mode
        /// forwards and records the requests its cassette cannot answer, given
        /// whether the cassette file existed when it opened.
        func records(cassetteExists: Bool) -> Bool {
            self != .never && (self != .missing || !cassetteExists)
        }

        /// The environment variable that chooses the mode.
        public static let environmentVariable = "VCR_RECORD"

        /// The other spellings of each mode, as the VCR family writes them
        /// (vcrpy and Ruby VCR's `once` and `none`, shell-style booleans).
        static let aliases: [Mode: [String]] = [
            .never: ["none", "0", "false", "no"],
            .missing: ["once", "1", "true", "yes"],
            .newEpisodes: ["new-episodes"],
        ]

        /// The mode `VCR_RECORD` names in `environment`; ``never`` when it is unset or empty.
        ///
        /// Values are case-insensitive and may be any spelling in the table above.
        ///
        /// - Throws: ``InvalidModeError`` for any other value, listing the valid ones.
        public init(environment: [String: String]) throws(InvalidModeError) {
            guard let value = environment[Self.environmentVariable], !value.isEmpty else {
                self = .never
                return
            }
            let lowered = value.lowercased()
            if let mode = Mode(rawValue: lowered) ?? Self.aliases.first(where: { $0.value.contains(lowered) })?.key {
                self = mode
            } else {
                throw InvalidModeError(value: value)
            }
        }

        /// The mode's name and its other spellings: `missing (or once, 1, true, yes)`.
        var spellings: String {
            let others = Self.aliases[self] ?? []
            return others.isEmpty ? rawValue : "\(rawValue) (or \(others.joined(separator: ", ")))"
        }
    }

    /// A `VCR_RECORD` value that names no ``Mode``.
    public struct InvalidModeError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The value found.
        public let value: String

        /// Names the value and lists the valid ones.
        public var description: String {
            "\(Mode.environmentVariable) is `\(value)`; expected one of "
                + Mode.known.map(\.spellings).joined(separator: ", ")
        }
    }
}

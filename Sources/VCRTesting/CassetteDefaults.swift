import VCR

/// What a suite, or an XCTest case class, sets once for every cassette its
/// tests open: each field left nil keeps the value from further out, or the
/// default.
///
/// Swift Testing: the ``Testing/Trait/cassettes(directory:mode:options:allowingUnused:)``
/// suite trait. XCTest: conform the case class to ``CassetteDefaultsProviding``.
/// What a test passes to `.cassette(…)` or `withCassette(…)` wins over both.
public struct CassetteDefaults: Sendable {
    /// The directory of cassettes, relative to the package root or absolute; `Cassettes` by default.
    public var directory: String?
    /// The VCR's mode; by default the one `VCR_RECORD` names.
    public var mode: VCR.Mode?
    /// How VCRs match requests and deliver responses.
    public var options: VCR.Options?
    /// Whether interactions a test did not use are accepted
    /// (`ReplayReport.allowsUnusedByDefault`, true, by default).
    public var allowingUnused: Bool?

    /// Creates settings; nil leaves a value to the enclosing settings or the default.
    public init(
        directory: String? = nil, mode: VCR.Mode? = nil, options: VCR.Options? = nil, allowingUnused: Bool? = nil
    ) {
        self.directory = directory
        self.mode = mode
        self.options = options
        self.allowingUnused = allowingUnused
    }

    /// The settings of the suites around the running test (Swift Testing).
    @TaskLocal static var current = CassetteDefaults()

    /// These settings over `outer`: each value set here wins.
    func over(_ outer: CassetteDefaults) -> CassetteDefaults {
        CassetteDefaults(
            directory: directory ?? outer.directory, mode: mode ?? outer.mode, options: options ?? outer.options,
            allowingUnused: allowingUnused ?? outer.allowingUnused)
    }

    /// The settings of a cassette named `name`, with everything still unset at its default.
    func settings(name: String?) -> CassetteSettings {
        CassetteSettings(
            location: CassetteLocation(name: name, directory: directory ?? "Cassettes"),
            mode: mode,
            options: options ?? VCR.Options(),
            allowingUnused: allowingUnused ?? ReplayReport.allowsUnusedByDefault)
    }
}

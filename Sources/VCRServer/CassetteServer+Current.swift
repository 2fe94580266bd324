extension CassetteServer {
    /// The server of the running test, set by `@Test(.cassetteServer(…))` and
    /// `withCassetteServer(…)` (module `VCRServerTesting`); nil outside them.
    ///
    /// The value is task-local: tests running in parallel each see their own.
    public static var current: CassetteServer? { scoped }

    /// The task-local value behind ``current``, which only the test glue sets.
    @TaskLocal package static var scoped: CassetteServer?
}

extension CassetteServer {
    /// The server of the running test, set by `@Test(.cassetteServer(…))` and
    /// `withCassetteServer(…)` (module `VCRServerTesting`); nil outside them.
    ///
    /// The value is task-local: tests running in parallel each see their own.
    @TaskLocal public static var current: CassetteServer?
}

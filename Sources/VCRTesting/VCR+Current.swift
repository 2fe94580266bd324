import VCR

extension VCR {
    /// The VCR of the cassette the running test opened, with
    /// `@Test(.cassette(…))` or `withCassette(…)`; nil outside them.
    ///
    /// ```swift
    /// @Test(.cassette("chat"))
    /// func chat() async throws {
    ///     let session = try #require(VCR.current).session
    /// }
    /// ```
    ///
    /// The value is task-local: tests running in parallel each see their own.
    public static var current: VCR? { scoped }

    /// The task-local value behind ``current``, which only the test glue sets.
    @TaskLocal static var scoped: VCR?
}

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
    @TaskLocal public static var current: VCR?
}

#if canImport(Testing)
import Testing
import VCR

/// A Swift Testing suite trait that sets the directory, mode, options and
/// unused-interaction policy of every cassette the tests below it open with
/// ``Testing/Trait/cassette(_:directory:mode:options:allowingUnused:sourceLocation:)``.
///
/// Create it with ``Testing/Trait/cassettes(directory:mode:options:allowingUnused:)``.
/// It applies to nested suites too; an inner suite's values, and a test's
/// own `.cassette(…)` arguments, win over outer ones.
public struct _CassetteSuiteTrait: SuiteTrait, TestTrait, TestScoping {
    let defaults: CassetteDefaults

    /// Applies to every test and suite nested below.
    public var isRecursive: Bool { true }

    /// Runs the test with these settings over those of the enclosing suites.
    public func provideScope(
        for test: Test,
        testCase: Test.Case?,
        performing function: @Sendable () async throws -> Void
    ) async throws {
        try await CassetteDefaults.$current.withValue(defaults.over(CassetteDefaults.current)) { try await function() }
    }
}

extension Trait where Self == _CassetteSuiteTrait {
    /// Sets, for every `.cassette(…)` test below this suite, what it does not set itself.
    ///
    /// ```swift
    /// @Suite(.cassettes(directory: "Fixtures/cassettes", mode: .never, options: .jsonRPC))
    /// struct MCPTests {
    ///     @Test(.cassette()) func listsTools() async throws { … }    // Fixtures/cassettes/MCPTests/listsTools.yaml
    /// }
    /// ```
    ///
    /// - Parameters:
    ///   - directory: The directory of cassettes, relative to the root of the
    ///     package that contains the test file, or absolute.
    ///   - mode: What the VCRs do with requests their cassettes cannot answer.
    ///   - options: How the VCRs match requests and deliver responses.
    ///   - allowingUnused: Whether interactions a test did not use are accepted.
    public static func cassettes(
        directory: String? = nil,
        mode: VCR.Mode? = nil,
        options: VCR.Options? = nil,
        allowingUnused: Bool? = nil
    ) -> Self {
        _CassetteSuiteTrait(
            defaults: CassetteDefaults(
                directory: directory, mode: mode, options: options, allowingUnused: allowingUnused))
    }
}
#endif

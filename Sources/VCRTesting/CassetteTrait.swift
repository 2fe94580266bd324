#if canImport(Testing)
import Testing
import VCR
import VCRCassette

/// A Swift Testing trait that runs a test with a VCR replaying its cassette.
///
/// Create it with ``Testing/Trait/cassette(_:directory:mode:options:allowingUnused:sourceLocation:)``.
/// The test reaches the VCR through ``VCR/current``; each case of a
/// parameterized test has a cassette of its own, named after its arguments
/// (`Cassettes/Suite/test/otters.yaml`). When the test ends the
/// VCR stops, and each request the cassette could not answer (and each unused
/// interaction, when not allowed) is recorded as an issue of the test, at the
/// line of the trait.
public struct _CassetteTrait: TestTrait, TestScoping {
    /// The cassette's name, nil for the default.
    let name: String?
    /// What the test itself set; the rest comes from the suites' ``CassetteDefaults``.
    let overrides: CassetteDefaults
    let sourceLocation: SourceLocation

    /// Opens the cassette, runs the test with ``VCR/current`` set, then stops
    /// the VCR and records its problems as issues.
    public func provideScope(
        for test: Test,
        testCase: Test.Case?,
        performing function: @Sendable () async throws -> Void
    ) async throws {
        let settings = overrides.over(CassetteDefaults.current).settings(name: name)
        let vcr: VCR
        do {
            vcr = try settings.open(
                group: Self.group(of: test), test: Self.name(of: test), testCase: TestCaseName.of(testCase),
                filePath: sourceLocation.filePath)
        } catch {
            Issue.record(error, sourceLocation: sourceLocation)
            return
        }
        var thrown: (any Error)?
        do {
            try await VCR.$scoped.withValue(vcr) { try await function() }
        } catch {
            thrown = error
        }
        let report = await vcr.stopOffThePool()
        for failure in settings.failures(in: report) {
            Issue.record(Comment(rawValue: failure), sourceLocation: sourceLocation)
        }
        let problems = ReplayProblems(report: report, allowingUnused: settings.allowingUnused)
        if let thrown, !problems.describes(thrown) {
            throw problems.shortening(thrown, reportedAt: "\(sourceLocation.fileName):\(sourceLocation.line)")
        }
    }

    /// The containing suites of a test, joined with dots, or its file's name
    /// without extension when the test is a global function.
    static func group(of test: Test) -> String {
        let suites = test.id.nameComponents.dropLast()
        if !suites.isEmpty { return suites.joined(separator: ".") }
        let fileName = test.sourceLocation.fileName
        return fileName.hasSuffix(".swift") ? String(fileName.dropLast(6)) : fileName
    }

    /// The test function's name without its parameter list.
    static func name(of test: Test) -> String {
        CassetteLocation.baseName(of: test.name)
    }
}

extension Trait where Self == _CassetteTrait {
    /// Runs the test with a VCR replaying a cassette; ``VCR/current`` is the VCR.
    ///
    /// ```swift
    /// @Test(.cassette("openai/chat"))
    /// func streamsChat() async throws {
    ///     let vcr = try #require(VCR.current)
    ///     let (data, _) = try await vcr.session.data(for: request)
    /// }
    /// ```
    ///
    /// A parameter left nil takes the value the enclosing suites set with
    /// ``Testing/Trait/cassettes(directory:mode:options:allowingUnused:)``,
    /// or the default.
    ///
    /// - Parameters:
    ///   - name: The cassette's path under `directory`, `.yaml` added when it has
    ///     no extension. By default `<Suite>/<testName>.yaml` (the file's name
    ///     stands for the suite of a global test function). Each case of a
    ///     parameterized test records into `<name>/<case>.yaml`, the case named
    ///     after its arguments.
    ///   - directory: The directory of cassettes, relative to the root of the
    ///     package that contains the test file, or absolute; `Cassettes` by default.
    ///   - mode: What the VCR does with requests the cassette cannot answer;
    ///     by default the mode `VCR_RECORD` names.
    ///   - options: How the VCR matches requests and delivers responses.
    ///     Mismatches are never printed, whatever `printsMismatches` says:
    ///     each is an issue of the test.
    ///   - allowingUnused: Whether interactions the test did not use are
    ///     accepted (by default they are); when false each is reported.
    ///   - sourceLocation: Where failures are reported; the trait's own line.
    public static func cassette(
        _ name: String? = nil,
        directory: String? = nil,
        mode: VCR.Mode? = nil,
        options: VCR.Options? = nil,
        allowingUnused: Bool? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> Self {
        _CassetteTrait(
            name: name,
            overrides: CassetteDefaults(
                directory: directory, mode: mode, options: options, allowingUnused: allowingUnused),
            sourceLocation: sourceLocation)
    }
}
#endif

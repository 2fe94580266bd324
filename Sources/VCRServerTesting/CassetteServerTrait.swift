#if canImport(Testing)
import Foundation
import Testing
import VCR
import VCRServer
import VCRTesting

/// A Swift Testing trait that runs a test with a ``CassetteServer`` serving
/// its cassette on 127.0.0.1, for clients a VCR cannot intercept.
///
/// Plumbing: write ``Testing/Trait/cassetteServer(_:directory:mode:options:allowingUnused:origin:configuration:sourceLocation:)``,
/// not the type's name.
/// The test reaches the server through ``CassetteServer/current`` and the VCR
/// through `VCR.current`. When the test ends the server closes, its VCR stops,
/// and each problem of the report is an issue of the test, at the trait's line,
/// as with `.cassette(…)`.
public struct _CassetteServerTrait: TestTrait, TestScoping {
    let cassette: _CassetteTrait
    let origin: URL?
    let configuration: CassetteServer.Configuration
    let sourceLocation: SourceLocation

    /// Opens the cassette, serves it while the test runs with
    /// ``CassetteServer/current`` set, then closes the server and reports.
    public func provideScope(
        for test: Test,
        testCase: Test.Case?,
        performing function: @Sendable () async throws -> Void
    ) async throws {
        let origin = origin
        let configuration = configuration
        let sourceLocation = sourceLocation
        try await cassette.provideScope(for: test, testCase: testCase) {
            // Without a VCR the cassette trait has already recorded why.
            guard let vcr = VCR.current else { return }
            let server: CassetteServer
            do {
                server = try await CassetteServer(vcr: vcr, origin: origin, configuration: configuration)
            } catch {
                Issue.record(error, sourceLocation: sourceLocation)
                return
            }
            try await server.serving { _ in try await function() }
        }
    }
}

extension Trait where Self == _CassetteServerTrait {
    /// Runs the test with a server on 127.0.0.1 answering from a cassette;
    /// ``CassetteServer/current`` is the server.
    ///
    /// ```swift
    /// @Test(.cassetteServer("openai/chat"))
    /// func chat() async throws {
    ///     let server = try #require(CassetteServer.current)
    ///     let client = ChatClient(baseURL: server.baseURL)
    ///     #expect(try await client.complete("Hello").isEmpty == false)
    /// }
    /// ```
    ///
    /// A parameter left nil takes the value the enclosing suites set with
    /// `.cassettes(…)`, or the default, as for `.cassette(…)`.
    ///
    /// - Parameters:
    ///   - name: The cassette's path under `directory`, as for `.cassette(…)`:
    ///     by default `<Suite>/<testName>.yaml`.
    ///   - directory: The directory of cassettes, relative to the root of the
    ///     package that contains the test file, or absolute; `Cassettes` by default.
    ///   - mode: What the VCR does with requests the cassette cannot answer;
    ///     by default the mode `VCR_RECORD` names.
    ///   - options: How the VCR matches requests and delivers responses.
    ///   - allowingUnused: Whether interactions the test did not use are
    ///     accepted (by default they are).
    ///   - origin: The origin requests are matched as requests to; by default
    ///     the cassette's own.
    ///   - configuration: The server's port, limits and timeouts.
    ///   - sourceLocation: Where failures are reported; the trait's own line.
    public static func cassetteServer(
        _ name: String? = nil,
        directory: String? = nil,
        mode: VCR.Mode? = nil,
        options: VCR.Options? = nil,
        allowingUnused: Bool? = nil,
        origin: URL? = nil,
        configuration: CassetteServer.Configuration = CassetteServer.Configuration(),
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> Self {
        _CassetteServerTrait(
            cassette: .cassette(
                name, directory: directory, mode: mode, options: options, allowingUnused: allowingUnused,
                sourceLocation: sourceLocation),
            origin: origin, configuration: configuration, sourceLocation: sourceLocation)
    }
}
#endif

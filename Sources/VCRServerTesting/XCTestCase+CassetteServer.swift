#if canImport(XCTest)
import Foundation
import VCR
import VCRServer
import VCRTesting
import XCTest

extension XCTestCase {
    /// Runs `body` with a server on 127.0.0.1 answering from this test's
    /// cassette, then closes it, stops its VCR and reports each problem as a
    /// failure at the line of this call, as `withCassette(…)` does.
    ///
    /// ```swift
    /// func testChat() async throws {
    ///     try await withCassetteServer("openai/chat") { server in
    ///         let client = ChatClient(baseURL: server.baseURL)
    ///         XCTAssertFalse(try await client.complete("Hello").isEmpty)
    ///     }
    /// }
    /// ```
    ///
    /// ``CassetteServer/current`` is the server while `body` runs. The other
    /// parameters are those of `withCassette(…)`, nil ones taken from the
    /// class's `cassetteDefaults` as there; `origin` and `configuration` are
    /// those of ``CassetteServer/init(vcr:origin:configuration:)``.
    ///
    /// - Returns: What `body` returns.
    /// - Throws: `CassetteError` when the cassette cannot be read, the error of
    ///   binding the port, or what `body` throws.
    public func withCassetteServer<Value>(
        _ name: String? = nil,
        directory: String? = nil,
        mode: VCR.Mode? = nil,
        options: VCR.Options? = nil,
        allowingUnused: Bool? = nil,
        origin: URL? = nil,
        configuration: CassetteServer.Configuration = CassetteServer.Configuration(),
        file: StaticString = #filePath,
        line: UInt = #line,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (CassetteServer) async throws -> Value
    ) async throws -> Value {
        try await withCassette(
            name, directory: directory, mode: mode, options: options, allowingUnused: allowingUnused, file: file,
            line: line, isolation: isolation
        ) { vcr in
            try await CassetteServer(vcr: vcr, origin: origin, configuration: configuration).serving(body)
        }
    }
}
#endif

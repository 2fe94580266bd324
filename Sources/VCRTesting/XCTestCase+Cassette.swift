#if canImport(XCTest)
import Foundation
import VCR
import VCRCassette
import XCTest

extension XCTestCase {
    /// Runs `body` with a VCR replaying this test's cassette, then stops the VCR
    /// and reports each problem as a failure at the line of this call.
    ///
    /// ```swift
    /// func testChat() async throws {
    ///     try await withCassette("openai/chat") { vcr in
    ///         let (data, _) = try await vcr.session.data(for: request)
    ///     }
    /// }
    /// ```
    ///
    /// ``VCR/current`` is the VCR while `body` runs. A request the cassette
    /// cannot answer fails in the code that sent it, and is reported here with
    /// the full mismatch report; so are unused interactions when not allowed.
    ///
    /// - Parameters:
    ///   - name: The cassette's path under `directory`, `.yaml` added when it
    ///     has no extension. By default `<TestCaseClass>/<testName>.yaml`.
    ///   - directory: The directory of cassettes, relative to the root of the
    ///     package that contains the test file, or absolute; `Cassettes` by default.
    ///   - mode: What the VCR does with requests the cassette cannot answer;
    ///     by default the mode `VCR_RECORD` names.
    ///   - options: How the VCR matches requests and delivers responses.
    ///     Mismatches are never printed, whatever `printsMismatches` says:
    ///     each is a failure of the test.
    ///   - allowingUnused: Whether interactions the test did not use are
    ///     accepted (by default they are).
    ///
    /// A parameter left nil takes the value the class sets as
    /// ``CassetteDefaultsProviding/cassetteDefaults``, or the default.
    ///   - body: The test's code, given the VCR.
    /// - Returns: What `body` returns.
    /// - Throws: ``CassetteError`` when the cassette cannot be read,
    ///   ``VCR/InvalidModeError`` when `VCR_RECORD` names no mode, or what
    ///   `body` throws; a mismatch already reported is thrown as a short error
    ///   that points at the report.
    public func withCassette<Value>(
        _ name: String? = nil,
        directory: String? = nil,
        mode: VCR.Mode? = nil,
        options: VCR.Options? = nil,
        allowingUnused: Bool? = nil,
        file: StaticString = #filePath,
        line: UInt = #line,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (VCR) async throws -> Value
    ) async throws -> Value {
        let (vcr, settings) = try openCassette(
            name, CassetteDefaults(directory: directory, mode: mode, options: options, allowingUnused: allowingUnused),
            file: file)
        let outcome: Result<Value, any Error>
        do {
            outcome = .success(try await VCR.$scoped.withValue(vcr) { try await body(vcr) })
        } catch {
            outcome = .failure(error)
        }
        return try finish(settings, await vcr.stopOffThePool(), outcome, file: file, line: line)
    }

    /// Runs `body` with a VCR replaying this test's cassette; the synchronous
    /// form of ``withCassette(_:directory:mode:options:allowingUnused:file:line:isolation:_:)``.
    public func withCassette<Value>(
        _ name: String? = nil,
        directory: String? = nil,
        mode: VCR.Mode? = nil,
        options: VCR.Options? = nil,
        allowingUnused: Bool? = nil,
        file: StaticString = #filePath,
        line: UInt = #line,
        _ body: (VCR) throws -> Value
    ) throws -> Value {
        let (vcr, settings) = try openCassette(
            name, CassetteDefaults(directory: directory, mode: mode, options: options, allowingUnused: allowingUnused),
            file: file)
        let outcome = Result { try VCR.$scoped.withValue(vcr) { try body(vcr) } }
        return try finish(settings, vcr.stop(), outcome, file: file, line: line)
    }

    /// Starts a VCR on this test's cassette and stops it when the test tears
    /// down, reporting each problem as a failure at the line of this call.
    ///
    /// Call it from `setUp`, and keep the VCR for the test methods:
    ///
    /// ```swift
    /// var vcr: VCR!
    ///
    /// override func setUp() async throws {
    ///     vcr = try insertCassette()
    /// }
    /// ```
    ///
    /// The parameters are those of ``withCassette(_:directory:mode:options:allowingUnused:file:line:isolation:_:)``.
    ///
    /// - Returns: The VCR; hand its ``VCR/session`` to the code under test.
    /// - Throws: ``CassetteError`` when the cassette cannot be read;
    ///   ``VCR/InvalidModeError`` when `VCR_RECORD` names no mode.
    @discardableResult
    public func insertCassette(
        _ name: String? = nil,
        directory: String? = nil,
        mode: VCR.Mode? = nil,
        options: VCR.Options? = nil,
        allowingUnused: Bool? = nil,
        file: StaticString = #filePath,
        line: UInt = #line
    ) throws -> VCR {
        let (vcr, settings) = try openCassette(
            name, CassetteDefaults(directory: directory, mode: mode, options: options, allowingUnused: allowingUnused),
            file: file)
        addTeardownBlock {
            for failure in settings.failures(in: vcr.stop()) {
                XCTFail(failure, file: file, line: line)
            }
        }
        return vcr
    }

    /// Starts a VCR on this test's cassette, with `overrides` over the class's
    /// ``CassetteDefaultsProviding/cassetteDefaults``, if it has them; returns
    /// it with the settings it was opened with.
    private func openCassette(
        _ name: String?, _ overrides: CassetteDefaults, file: StaticString
    ) throws -> (VCR, CassetteSettings) {
        let classDefaults =
            (type(of: self) as? any CassetteDefaultsProviding.Type)?.cassetteDefaults ?? CassetteDefaults()
        let settings = overrides.over(classDefaults).settings(name: name)
        let vcr = try settings.open(
            group: String(describing: type(of: self)), test: Self.methodName(fromTestName: self.name),
            filePath: "\(file)")
        return (vcr, settings)
    }

    /// Reports the problems in a stopped VCR's `report` at `file`:`line`, and
    /// returns what the body returned.
    private func finish<Value>(
        _ settings: CassetteSettings, _ report: ReplayReport, _ outcome: Result<Value, any Error>, file: StaticString,
        line: UInt
    ) throws -> Value {
        for failure in settings.failures(in: report) {
            XCTFail(failure, file: file, line: line)
        }
        let location = "\(("\(file)" as NSString).lastPathComponent):\(line)"
        let problems = ReplayProblems(report: report, allowingUnused: settings.allowingUnused)
        return try outcome.mapError { problems.shortening($0, reportedAt: location) }.get()
    }

    /// The test method's name within XCTest's name of a test: `testChat` from
    /// `-[ChatTests testChat]` (Apple platforms) or `ChatTests.testChat` (Linux).
    static func methodName(fromTestName name: String) -> String {
        if name.hasPrefix("-["), name.hasSuffix("]"), let space = name.lastIndex(of: " ") {
            return String(name[name.index(after: space)..<name.index(before: name.endIndex)])
        }
        return name.split(separator: ".").last.map(String.init) ?? name
    }
}

/// An XCTest case class that sets the directory, mode, options and
/// unused-interaction policy of every cassette its tests open with
/// `withCassette(…)` or `insertCassette(…)`; what a call passes wins.
///
/// ```swift
/// final class MCPTests: XCTestCase, CassetteDefaultsProviding {
///     class var cassetteDefaults: CassetteDefaults {
///         CassetteDefaults(directory: "Fixtures/cassettes", mode: .never, options: .jsonRPC)
///     }
/// }
/// ```
///
/// Declared as a `class var`, a subclass can override it.
public protocol CassetteDefaultsProviding: XCTestCase {
    /// The settings for every cassette of this class's tests.
    static var cassetteDefaults: CassetteDefaults { get }
}
#endif

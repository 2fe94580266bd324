import Foundation
import VCR
import VCRCassette

/// What a test asked for when it opened a cassette, shared by the XCTest and
/// Swift Testing entry points.
struct CassetteSettings: Sendable {
    /// Where the cassette file is.
    var location: CassetteLocation
    /// The VCR's mode; nil leaves the choice to ``VCR``'s default.
    var mode: VCR.Mode?
    /// How the VCR matches requests and delivers responses.
    var options: VCR.Options
    /// Whether interactions the test did not use are accepted.
    var allowingUnused: Bool

    /// Starts a VCR on the cassette of the test named `test` in `group`,
    /// declared in the file at `filePath`; `testCase` names a case of a parameterized test.
    ///
    /// Mismatches are not printed whatever the options say: the glue reports
    /// each one as a failure of the test, which prints it once.
    ///
    /// - Throws: ``CassetteError`` when the cassette cannot be read;
    ///   ``VCR/InvalidModeError`` when `VCR_RECORD` names no mode.
    func open(group: String, test: String, testCase: String? = nil, filePath: String) throws -> VCR {
        let url = location.url(group: group, test: test, testCase: testCase, filePath: filePath)
        var options = options
        options.printsMismatches = false
        if let mode {
            return try VCR(cassette: url, mode: mode, options: options)
        }
        return try VCR(cassette: url, options: options)
    }

    /// The failures a stopped VCR's report amounts to, one message per problem.
    func failures(in report: ReplayReport) -> [String] {
        ReplayProblems(report: report, allowingUnused: allowingUnused).messages
    }
}

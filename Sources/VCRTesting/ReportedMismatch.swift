import VCR

/// The error `withCassette` throws in place of a ``MismatchError`` it has
/// already reported, with the full mismatch report, as a failure at its own
/// line: XCTest would otherwise print the report a second time.
struct ReportedMismatch: Error, CustomStringConvertible {
    /// The request that found no answer, such as `POST https://api.example.com/v1/chat`.
    let request: String
    /// Where the failure with the report is, such as `ChatTests.swift:12`.
    let location: String

    var description: String {
        "VCR: no recorded interaction matches \(request); the mismatch report is the failure at \(location)."
    }
}

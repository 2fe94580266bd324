import VCR

/// The error the test glue throws in place of a ``MismatchError`` it has
/// already reported, with the full mismatch report, as a failure at its own
/// line, or of the caller's error that wraps one: the test framework would
/// otherwise print the report a second time.
struct ReportedMismatch: Error, CustomStringConvertible {
    /// The request that found no answer, such as `POST https://api.example.com/v1/chat`.
    let request: String
    /// Where the failure with the report is, such as `ChatTests.swift:12`.
    let location: String
    /// The type of the caller's error that wrapped the mismatch, such as `ClientError`; nil when none did.
    var wrapper: String? = nil

    var description: String {
        let thrown = wrapper.map { " (thrown inside a \($0))" } ?? ""
        return VCR.maskingSecrets(
            in: "VCR: no recorded interaction matches \(request)\(thrown); "
                + "the mismatch report is the failure at \(location).")
    }
}

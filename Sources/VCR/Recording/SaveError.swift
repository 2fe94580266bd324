import VCRCassette

/// Why a VCR did not save the cassette it recorded, reported by ``ReplayReport/saveErrors``.
public enum SaveError: Error, CustomStringConvertible, Sendable, Hashable {
    /// The cassette still contains the value of an environment variable whose
    /// name looks secret; the value itself is never shown.
    case secretFound(variable: String, place: String, cassettePath: String)
    /// The file could not be written; the old file, if any, is unchanged.
    case writeFailed(CassetteError)

    /// What went wrong and what to do about it.
    public var description: String {
        switch self {
        case .secretFound(let variable, let place, let cassettePath):
            "VCR: refused to save \(cassettePath): the \(place) contains the value of the environment variable "
                + "\(variable). Redact it with VCR.Options.redaction (headers, queryParameters or jsonBodyPaths) "
                + "and record again."
        case .writeFailed(let error):
            "VCR: could not save the recorded cassette: \(error)"
        }
    }
}

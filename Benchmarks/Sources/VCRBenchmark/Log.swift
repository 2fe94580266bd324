import Foundation

/// Progress lines on standard error, so that standard output holds only the results.
struct Log {
    /// Whether per-contender details are shown.
    var isVerbose: Bool

    /// A phase starts.
    func phase(_ text: String) {
        FileHandle.standardError.write(Data("== \(text)\n".utf8))
    }

    /// A detail of the running phase, shown in verbose mode.
    func detail(_ text: String) {
        guard isVerbose else { return }
        FileHandle.standardError.write(Data("   \(text)\n".utf8))
    }
}

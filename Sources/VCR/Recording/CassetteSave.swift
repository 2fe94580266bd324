import Foundation
import VCRCassette

/// How a stopped VCR saves what it recorded. The recording rule:
///
/// - Only a VCR that records saves, and only when it recorded something: a
///   VCR that recorded nothing leaves the file as it is. One that saw no
///   request at all, where no cassette existed, is a failure: the code under
///   test did not use its session (``SaveError/noRequestSeen(cassettePath:mode:)``).
/// - In ``VCR/Mode/all``, a forwarded request that failed keeps the old
///   cassette unchanged (``SaveError/keptAfterFailedRequests(cassettePath:requests:)``);
///   with no old cassette, what was recorded is saved.
/// - A cassette still containing a secret's value is not saved
///   (``SaveError/secretFound(variable:place:cassettePath:)``).
/// - Otherwise the save holds the file's lock (``CassetteFile``) and reads
///   what is on disk now, which other processes may have added to. The
///   recorded interactions are appended after what is there, every existing
///   byte kept and ids continuing (``Cassette/appending(_:toFile:path:)``).
///   Only in ``VCR/Mode/all``, when the file is still what the VCR found when
///   it opened it, is the file replaced by the recorded interactions alone;
///   if another process wrote it since, they are appended to its, so that no
///   recording is lost.
struct CassetteSave: Sendable {
    /// What a file held, to tell whether it changed.
    struct Fingerprint: Sendable, Hashable {
        let size: Int
        let hash: Int

        init(_ bytes: Data) {
            var hasher = Hasher()
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
            size = bytes.count
            hash = hasher.finalize()
        }
    }

    /// What a save did.
    struct Outcome: Sendable {
        /// Whether the file was written.
        var isSaved: Bool
        /// Why it was not; empty when it was, or when there was nothing to write.
        var errors: [SaveError]
        /// The recorded interactions, with the ids they have in the file when saved.
        var recorded: [Interaction]
    }

    /// The cassette's path.
    let path: String
    /// The VCR's mode.
    let mode: VCR.Mode
    /// Whether the VCR records at all.
    let records: Bool
    /// The layout of a file this save creates or replaces.
    let layout: CassetteLayout
    /// Whether a cassette file existed when the VCR opened it.
    let existed: Bool
    /// In ``VCR/Mode/all``, what the file held when the VCR opened it; nil otherwise or with no file.
    let opened: Fingerprint?
    /// Whether the secret scan of ``RedactionRules`` runs.
    let scansEnvironment: Bool

    /// What the file at `path` holds now, when `mode` replaces it; nil
    /// otherwise, or when it is no regular file (a FIFO is never opened).
    static func fingerprint(at path: String, mode: VCR.Mode) -> Fingerprint? {
        var status = stat()
        guard mode == .all, stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return FileManager.default.contents(atPath: path).map(Fingerprint.init)
    }

    /// Saves what `state` recorded, by the rule above.
    func run(_ state: ReplayState) -> Outcome {
        let recorded = state.recorded
        let unsaved = Outcome(isSaved: false, errors: [], recorded: recorded)
        guard records else { return unsaved }
        if !state.sawRequest, !existed {
            return Outcome(isSaved: false, errors: [.noRequestSeen(cassettePath: path, mode: mode)], recorded: recorded)
        }
        if mode == .all, existed, !state.failedRecordings.isEmpty {
            return Outcome(
                isSaved: false,
                errors: [.keptAfterFailedRequests(cassettePath: path, requests: state.failedRecordings)],
                recorded: recorded)
        }
        guard !recorded.isEmpty else { return unsaved }
        if scansEnvironment {
            let findings = SecretScan(environment: ProcessInfo.processInfo.environment).findings(in: recorded)
            if !findings.isEmpty {
                let errors = findings.map {
                    SaveError.secretFound(variable: $0.variable, place: $0.place, cassettePath: path)
                }
                return Outcome(isSaved: false, errors: errors, recorded: recorded)
            }
        }
        do {
            let (saved, kept) = try write(recorded)
            let count = saved.count
            FileHandle.standardError.write(
                Data(
                    ("VCR: recorded \(count) interaction\(count == 1 ? "" : "s") into \(path)"
                        + (kept > 0 ? ", after the \(kept) already there" : "") + "\n").utf8))
            return Outcome(isSaved: true, errors: [], recorded: saved)
        } catch {
            return Outcome(isSaved: false, errors: [.writeFailed(error)], recorded: recorded)
        }
    }

    /// Writes `recorded` under the file's lock; returns them as numbered in
    /// the file, and how many interactions they follow.
    private func write(_ recorded: [Interaction]) throws(CassetteError) -> (saved: [Interaction], kept: Int) {
        try CassetteFile.withLock(URL(fileURLWithPath: path)) { file throws(CassetteError) in
            if let onDisk = try file.contents(), !(mode == .all && Fingerprint(onDisk) == opened) {
                let appended = try Cassette.appending(recorded, toFile: onDisk, path: path)
                try file.replace(with: appended.yaml)
                return (appended.added, appended.cassette.interactions.count - appended.added.count)
            }
            let fresh = Cassette(
                interactions: recorded.enumerated().map { offset, interaction in
                    var numbered = interaction
                    numbered.id = offset
                    return numbered
                },
                layout: layout)
            try file.replace(with: fresh.yaml())
            return (fresh.interactions, 0)
        }
    }
}

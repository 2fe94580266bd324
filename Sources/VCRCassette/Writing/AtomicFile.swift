import Foundation

/// Replaces a file in one step: a temporary file in the same directory, then a rename.
///
/// Temporary files are named `.<name>.<UUID>.tmp`. A save killed before its
/// rename leaves one behind; since every save holds the file's ``FileLock``
/// while its temporary file exists, one found by a save holding the lock is
/// such a leftover, and it is removed.
enum AtomicFile {
    /// Writes `data` to `url` under the file's lock.
    static func write(_ data: Data, to url: URL) throws(CassetteError) {
        try CassetteFile.withLock(url) { file throws(CassetteError) in try file.replace(with: data) }
    }

    /// Replaces `url`, which is no symbolic link and whose lock the caller
    /// holds, with `data`, keeping its permissions; `path` names it in errors.
    static func replace(_ url: URL, with data: Data, path: String) throws(CassetteError) {
        removeLeftovers(of: url)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            throw CassetteError(
                .io, path: path, message: "cannot write the cassette: \(String(cString: strerror(errno)))")
        }
        do throws(CassetteError) {
            defer { close(descriptor) }
            try writeAll(data, to: descriptor, path: path)
            var existing = stat()
            if stat(url.path, &existing) == 0, existing.st_mode & S_IFMT == S_IFREG,
                fchmod(descriptor, existing.st_mode & 0o7777) != 0
            {
                throw CassetteError(
                    .io, path: path, message: "cannot keep the file's permissions: \(String(cString: strerror(errno)))")
            }
        } catch {
            unlink(temporary.path)
            throw error
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw CassetteError(.io, path: path, message: "cannot replace the file: \(reason)")
        }
    }

    private static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws(CassetteError) {
        let failure: Int32? = data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = writeBytes(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        if let failure {
            throw CassetteError(
                .io, path: path, message: "cannot write the cassette: \(String(cString: strerror(failure)))")
        }
    }

    /// Removes the temporary files interrupted saves of `url` left beside it.
    private static func removeLeftovers(of url: URL) {
        let directory = url.deletingLastPathComponent()
        let prefix = ".\(url.lastPathComponent)."
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where isTemporary(name, prefix: prefix) {
            unlink(directory.appendingPathComponent(name).path)
        }
    }

    /// Whether `name` is `<prefix><UUID>.tmp`.
    static func isTemporary(_ name: String, prefix: String) -> Bool {
        guard name.hasPrefix(prefix), name.hasSuffix(".tmp") else { return false }
        let middle = name.dropFirst(prefix.count).dropLast(4)
        return UUID(uuidString: String(middle)) != nil
    }
}

/// The system's `write`, which the enum's own `write` hides inside it.
private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

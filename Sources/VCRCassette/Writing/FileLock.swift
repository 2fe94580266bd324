import Foundation

/// An exclusive `flock` on `.<name>.lock` beside a file, taken within a time bound.
///
/// The lock file is removed by its holder before it lets go. A process that
/// opened it meanwhile then holds a lock on a file no longer in the directory,
/// so after each `flock` the holder checks that the path still names the file
/// it locked, and starts over when it does not. A process that dies holding
/// the lock releases it; the lock file it leaves is locked and removed by the next save.
struct FileLock {
    private let descriptor: Int32
    private let lockPath: String

    /// Takes the lock of `file`, waiting at most `timeout` for another holder;
    /// `path` names the cassette in errors.
    init(beside file: URL, path: String, timeout: Duration) throws(CassetteError) {
        let lockPath = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).lock").path
        let deadline = ContinuousClock.now + timeout
        var pause: UInt32 = 1000
        while true {
            try Self.createDirectory(of: file, path: path)
            let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                throw CassetteError(
                    .io, path: path,
                    message: "cannot create the lock file \(lockPath) (\(String(cString: strerror(errno))))")
            }
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
                if Self.isStillNamed(lockPath, by: descriptor) {
                    self.descriptor = descriptor
                    self.lockPath = lockPath
                    return
                }
                close(descriptor)
                continue
            }
            let failure = errno
            close(descriptor)
            guard failure == EWOULDBLOCK || failure == EINTR else {
                throw CassetteError(
                    .io, path: path, message: "cannot lock \(lockPath) (\(String(cString: strerror(failure))))")
            }
            guard ContinuousClock.now < deadline else {
                throw CassetteError(
                    .io, path: path,
                    message: "another process has held the lock \(lockPath) for \(timeout); nothing was written")
            }
            usleep(pause)
            pause = min(pause * 2, 20_000)
        }
    }

    /// Removes the lock file, then lets go of the lock.
    func release() {
        unlink(lockPath)
        close(descriptor)
    }

    /// Whether `lockPath` still names the file open as `descriptor`.
    private static func isStillNamed(_ lockPath: String, by descriptor: Int32) -> Bool {
        var opened = stat()
        var named = stat()
        guard fstat(descriptor, &opened) == 0, stat(lockPath, &named) == 0 else { return false }
        return opened.st_dev == named.st_dev && opened.st_ino == named.st_ino
    }

    private static func createDirectory(of file: URL, path: String) throws(CassetteError) {
        do {
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw CassetteError(
                .io, path: path, message: "cannot create the cassette's directory: \(error.localizedDescription)")
        }
    }
}

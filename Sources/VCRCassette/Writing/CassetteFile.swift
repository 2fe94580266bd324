import Foundation

/// A cassette file held under its advisory lock, so that it can be read and
/// replaced without another process writing it in between.
///
/// Every save of this module goes through ``withLock(_:timeout:_:)``: the lock
/// is `flock` on `.<name>.lock` beside the file, so saves from several
/// processes (two `swift test` runs recording into one cassette) take turns.
/// The lock file exists only while a save holds it. A symbolic link is
/// followed: its target is read and replaced, and the link stays a link.
public struct CassetteFile: Sendable {
    /// The file that is read and replaced: the cassette's path with symbolic links followed.
    public let url: URL

    /// The path the caller named, for errors.
    private let path: String

    /// How long ``withLock(_:timeout:_:)`` waits for another process by default.
    public static let defaultLockTimeout: Duration = .seconds(30)

    /// Runs `body` holding the lock of the cassette file at `url`.
    ///
    /// Inside `body`, replace the file with ``replace(with:)``, not with
    /// ``Cassette/write(to:)``, which takes the lock itself.
    ///
    /// - Throws: ``CassetteError`` when the lock cannot be taken within
    ///   `timeout` (another process holds it) or the lock file cannot be
    ///   created, and whatever `body` throws.
    public static func withLock<Result>(
        _ url: URL, timeout: Duration = defaultLockTimeout,
        _ body: (CassetteFile) throws(CassetteError) -> Result
    ) throws(CassetteError) -> Result {
        let target = try SymbolicLinks.target(of: url)
        let lock = try FileLock(beside: target, path: url.path, timeout: timeout)
        defer { lock.release() }
        return try body(CassetteFile(url: target, path: url.path))
    }

    /// The file's bytes; nil when there is no file.
    ///
    /// - Throws: ``CassetteError`` when the file exists but cannot be read, or is not a regular file.
    public func contents() throws(CassetteError) -> Data? {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw CassetteError(.io, path: path, message: "cannot open the file (\(String(cString: strerror(errno))))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw CassetteError(
                .io, path: path, message: "found something that is not a regular file; expected a cassette file")
        }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return data }
            if count < 0 {
                if errno == EINTR { continue }
                throw CassetteError(
                    .io, path: path, message: "cannot read the file (\(String(cString: strerror(errno))))")
            }
            data.append(contentsOf: buffer[0..<count])
        }
    }

    /// Replaces the file with `bytes` in one step: a temporary file beside it,
    /// with the old file's permissions, renamed over it. Temporary files an
    /// interrupted save left behind are removed first.
    ///
    /// - Throws: ``CassetteError`` when the file cannot be written; the old file is then unchanged.
    public func replace(with bytes: Data) throws(CassetteError) {
        try AtomicFile.replace(url, with: bytes, path: path)
    }
}

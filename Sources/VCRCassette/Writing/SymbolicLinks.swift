import Foundation

/// Follows the symbolic links a cassette path ends in, so that a save writes
/// the link's target and the link stays a link.
enum SymbolicLinks {
    /// The most links followed before the path is refused, as the kernel's `ELOOP`.
    static let maximumHops = 32

    /// The file `url` names once every symbolic link it ends in is followed;
    /// the target need not exist.
    static func target(of url: URL) throws(CassetteError) -> URL {
        var current = url.path
        for _ in 0..<maximumHops {
            var status = stat()
            guard lstat(current, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else {
                return URL(fileURLWithPath: current)
            }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count >= 0 else {
                throw CassetteError(
                    .io, path: url.path,
                    message: "cannot read the symbolic link \(current) (\(String(cString: strerror(errno))))")
            }
            let destination = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current =
                destination.hasPrefix("/")
                ? destination : (current as NSString).deletingLastPathComponent + "/" + destination
        }
        throw CassetteError(
            .io, path: url.path,
            message: "found more than \(maximumHops) symbolic links in a row; expected a cassette file")
    }
}

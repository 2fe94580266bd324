import Foundation

/// Tells a regular file from what only looks like one to `open`: a FIFO, a
/// socket or a device, which could block a reader forever or act when opened.
package enum CassetteFileType {
    /// What `mode` (a `stat` mode) names when it is not a regular file, such as
    /// "a FIFO (named pipe)"; nil for a regular file.
    package static func description(ofMode mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a directory"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        default: "a special file"
        }
    }

    /// Throws when something other than a regular file is at `path` (links are
    /// followed); does nothing when nothing is there or it cannot be examined,
    /// which opening the file then reports.
    package static func refuseSpecialFile(at path: String) throws(CassetteError) {
        var status = stat()
        guard stat(path, &status) == 0 else { return }
        try refuse(mode: status.st_mode, path: path)
    }

    /// Throws when `mode` is not a regular file's.
    package static func refuse(mode: mode_t, path: String) throws(CassetteError) {
        guard let found = description(ofMode: mode) else { return }
        throw CassetteError(.io, path: path, message: "found \(found); expected a cassette file")
    }
}

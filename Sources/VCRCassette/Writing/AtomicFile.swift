import Foundation

/// Replaces a file in one step: a temporary file in the same directory, then a rename.
enum AtomicFile {
    static func write(_ data: Data, to url: URL) throws(CassetteError) {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try data.write(to: temporary)
            if rename(temporary.path, url.path) != 0 {
                throw CassetteError(.io, path: url.path, message: "cannot replace the file: \(String(cString: strerror(errno)))")
            }
        } catch let error as CassetteError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw CassetteError(.io, path: url.path, message: "cannot write the cassette: \(error.localizedDescription)")
        }
    }
}

import Foundation
import VCRCassette

/// Finds and reads the cassette files named on the command line.
enum CassetteFiles {
    /// Expands command-line paths into cassette files.
    ///
    /// A file is taken as given, whatever its name. A directory contributes every
    /// `.yaml` and `.yml` file below it, in sorted order; hidden entries (names starting
    /// with `.`) and symbolic links to directories are skipped. Paths keep the form the
    /// user typed, so messages name files the way the user named them.
    static func expand(_ paths: [String]) -> (files: [String], errors: [CassetteError]) {
        var files: [String] = []
        var errors: [CassetteError] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                let message = "found no file or directory here; expected a cassette file or a directory"
                errors.append(CassetteError(.io, path: path, message: message))
            } else if isDirectory.boolValue {
                collect(in: path, into: &files, errors: &errors)
            } else {
                files.append(path)
            }
        }
        return (files, errors)
    }

    /// Reads a cassette file's bytes; a FIFO, socket or device is refused unopened.
    static func read(_ path: String) throws(CassetteError) -> Data {
        var status = stat()
        if stat(path, &status) == 0, let found = CassetteFileType.description(ofMode: status.st_mode) {
            throw CassetteError(.io, path: path, message: "found \(found); expected a readable cassette file")
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CassetteError(
                .io, path: path, message: "\(readFailure(at: path, error)); expected a readable cassette file")
        }
    }

    private static func collect(in directory: String, into files: inout [String], errors: inout [CassetteError]) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            let message = "cannot list the directory (\(error.localizedDescription)); expected a readable directory"
            errors.append(CassetteError(.io, path: directory, message: message))
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                if type != .typeSymbolicLink { collect(in: path, into: &files, errors: &errors) }
            } else if name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                files.append(path)
            }
        }
    }

    /// What was found at `path` instead of a readable file.
    private static func readFailure(at path: String, _ error: any Error) -> String {
        if !FileManager.default.fileExists(atPath: path) {
            return "found no file here"
        }
        if !FileManager.default.isReadableFile(atPath: path) {
            return "found a file without read permission"
        }
        return "cannot read the file (\(error.localizedDescription))"
    }
}

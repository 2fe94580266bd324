import Foundation

extension Cassette {
    /// Reads a cassette file.
    ///
    /// The file is read in chunks as it is parsed, so it is never in memory whole.
    ///
    /// - Throws: ``CassetteError`` naming the file, line and column of the first problem.
    public init(contentsOf url: URL) throws(CassetteError) {
        try self.init(contentsOf: url, requiringServableResponses: false)
    }

    /// Reads a cassette file as ``init(contentsOf:)`` does; with
    /// `requiringServableResponses`, a response header (or trailer) name or value
    /// holding CR, LF or NUL, or a `code` outside 100–599, is an error at its line
    /// and column, as replay needs.
    package init(contentsOf url: URL, requiringServableResponses: Bool) throws(CassetteError) {
        guard url.isFileURL else {
            throw CassetteError(
                .io, path: url.absoluteString,
                message: "expected a file URL for a cassette, found `\(url.absoluteString)`")
        }
        try self.init(contentsOfFile: url.path, requiringServableResponses: requiringServableResponses)
    }

    /// Reads the cassette file at `path` as ``init(contentsOf:requiringServableResponses:)`` does.
    package init(contentsOfFile path: String, requiringServableResponses: Bool) throws(CassetteError) {
        let descriptor = try Self.openFile(at: path)
        defer { close(descriptor) }
        self = try CassetteDecoder.decode(
            .file(descriptor: descriptor), path: path, requiresServableResponses: requiringServableResponses)
    }

    /// Opens the regular file at `path` for reading.
    ///
    /// A FIFO, socket or device is refused before it is opened, and again after
    /// (in case the path changed in between); opening without blocking means a
    /// FIFO swapped in at that moment cannot make the open wait for a writer.
    static func openFile(at path: String) throws(CassetteError) -> Int32 {
        try CassetteFileType.refuseSpecialFile(at: path)
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            let failure = errno
            let reason =
                failure == ENOENT || failure == ENOTDIR
                ? "found no file here" : "cannot open the file (\(String(cString: strerror(failure))))"
            throw CassetteError(.io, path: path, message: "\(reason); expected a cassette file")
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw CassetteError(
                .io, path: path, message: "cannot examine the file (\(reason)); expected a cassette file")
        }
        do {
            try CassetteFileType.refuse(mode: status.st_mode, path: path)
        } catch {
            close(descriptor)
            throw error
        }
        return descriptor
    }

    /// Reads a cassette from YAML bytes; `path` names the input in errors.
    public init(yaml: Data, path: String = "<memory>") throws(CassetteError) {
        let result = yaml.withUnsafeBytes { raw -> Result<Cassette, CassetteError> in
            Result { () throws(CassetteError) in
                try CassetteDecoder.decode(.bytes(raw.assumingMemoryBound(to: UInt8.self)), path: path)
            }
        }
        self = try result.get()
    }
}

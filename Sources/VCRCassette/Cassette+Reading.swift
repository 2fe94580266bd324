import Foundation

extension Cassette {
    /// Reads a cassette file.
    ///
    /// The file is read in chunks as it is parsed, so it is never in memory whole.
    ///
    /// - Throws: ``CassetteError`` naming the file, line and column of the first problem.
    public init(contentsOf url: URL) throws(CassetteError) {
        guard url.isFileURL else {
            throw CassetteError(
                .io, path: url.absoluteString,
                message: "expected a file URL for a cassette, found `\(url.absoluteString)`")
        }
        let path = url.path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let failure = errno
            let reason =
                failure == ENOENT || failure == ENOTDIR
                ? "found no file here" : "cannot open the file (\(String(cString: strerror(failure))))"
            throw CassetteError(.io, path: path, message: "\(reason); expected a cassette file")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT != S_IFDIR else {
            throw CassetteError(.io, path: path, message: "found a directory; expected a cassette file")
        }
        self = try CassetteDecoder.decode(.file(descriptor: descriptor), path: path)
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

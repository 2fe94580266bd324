import Foundation

/// The cassette files of a folder, read into memory once.
struct Corpus {
    /// One cassette file's bytes.
    struct File {
        var path: String
        var bytes: Data
    }

    /// The files, sorted by path.
    let files: [File]

    /// The bytes of every file together.
    var byteCount: Int { files.reduce(0) { $0 + $1.bytes.count } }

    /// Reads every `.yaml` and `.yml` file under `folder`.
    init(folder: URL) throws {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
            throw BenchmarkFailure("cannot list the corpus folder \(folder.path)")
        }
        var files: [File] = []
        for case let url as URL in walker where ["yaml", "yml"].contains(url.pathExtension) {
            files.append(File(path: url.path, bytes: try Data(contentsOf: url)))
        }
        guard !files.isEmpty else {
            throw BenchmarkFailure("found no cassettes in \(folder.path); pass --corpus DIR")
        }
        self.files = files.sorted { $0.path < $1.path }
    }
}

/// Why the benchmark cannot go on.
struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

import Foundation
import TestSupport

/// The test corpus, ``PackageFiles/corpus``, by folder and file.
enum Corpus {
    /// The corpus file at `relativePath`, such as `generated/gen_7_0001.yaml`.
    static func file(_ relativePath: String) -> URL {
        PackageFiles.corpus.appendingPathComponent(relativePath)
    }

    /// Every `.yaml` file under the corpus folder `folder` (`fantasy`, `generated`), recursively, sorted by path.
    static func cassettes(in folder: String) -> [URL] {
        PackageFiles.cassettes(under: PackageFiles.corpus.appendingPathComponent(folder))
    }
}

import Foundation

/// Where the test cassettes are: the package root (found from this file's path),
/// the project's `Cassettes/` folder and the test corpus at `Tests/Fixtures/corpus`.
enum Corpus {
    /// The package root, the folder holding `Package.swift`.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // VCRCassetteTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// The project's own cassettes.
    static let projectCassettes = packageRoot.appendingPathComponent("Cassettes")

    /// The test corpus, `Tests/Fixtures/corpus` from the package root.
    static let root = packageRoot.appendingPathComponent("Tests/Fixtures/corpus")

    /// The corpus file at `relativePath`, such as `generated/gen_7_0001.yaml`.
    static func file(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    /// Every `.yaml` file under the corpus folder `folder` (`fantasy`, `generated`), recursively, sorted by path.
    static func cassettes(in folder: String) -> [URL] {
        let directory = root.appendingPathComponent(folder)
        let files =
            FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }
            .filter { $0.pathExtension == "yaml" } ?? []
        return files.sorted { $0.path < $1.path }
    }
}

import Foundation
import TestSupport

/// The in-tree copies of the shared corpus and of its cassettes re-written by other
/// Go writers: `Tests/Fixtures/corpus/{fantasy,generated}/` and `Tests/Fixtures/writers/{goccy,xvcr-rc6}/`.
enum WriterFixtures {
    /// `Tests/Fixtures` in the package.
    static let root = PackageFiles.packageRoot.appendingPathComponent("Tests/Fixtures")

    /// The re-written cassettes of one writer folder, sorted by name.
    static func cassettes(writtenBy writer: String) -> [URL] {
        let directory = root.appendingPathComponent("writers/\(writer)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { directory.appendingPathComponent($0) }
    }

    /// The corpus cassette a re-written one was made from: `fantasy_Suite_model_file.yaml`
    /// is `corpus/fantasy/Suite/model/file.yaml`, `generated_file.yaml` is `corpus/generated/file.yaml`.
    static func source(of rewritten: URL) -> URL {
        let name = rewritten.lastPathComponent
        let corpus = root.appendingPathComponent("corpus")
        if name.hasPrefix("generated_") {
            return corpus.appendingPathComponent("generated/" + name.dropFirst("generated_".count))
        }
        let parts = name.dropFirst("fantasy_".count).split(separator: "_", maxSplits: 2)
        return corpus.appendingPathComponent("fantasy/\(parts[0])/\(parts[1])/\(parts[2])")
    }
}

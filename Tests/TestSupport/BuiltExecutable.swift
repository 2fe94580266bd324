import Foundation

/// Executables of this package that SwiftPM builds beside the test bundle.
package enum BuiltExecutable {
    /// The executable `name` built beside the test bundle (a test bundle on
    /// macOS is a folder, so the folders above it are searched too), or nil.
    package static func url(named name: String) -> URL? {
        let starts =
            [
                URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
                Bundle.main.bundleURL.deletingLastPathComponent(),
            ] + Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        let candidates = starts.flatMap { start in
            (0..<4).map { level in
                (0..<level).reduce(start) { url, _ in url.deletingLastPathComponent() }.appendingPathComponent(name)
            }
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}

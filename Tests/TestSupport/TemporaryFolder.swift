import Foundation

/// New empty folders under the temporary directory, for files a test writes.
package enum TemporaryFolder {
    /// A new empty folder whose name starts with `prefix`; the caller removes it.
    package static func make(_ prefix: String = "vcr-tests") throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Runs `body` with a new empty folder, removed when `body` returns or throws.
    package static func with<Result>(_ prefix: String = "vcr-tests", _ body: (URL) throws -> Result) throws -> Result {
        let folder = try make(prefix)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }

    /// Runs `body` with a new empty folder, removed when `body` returns or throws.
    package static func with<Result>(
        _ prefix: String = "vcr-tests",
        isolation: isolated (any Actor)? = #isolation,
        _ body: (URL) async throws -> Result
    ) async throws -> Result {
        let folder = try make(prefix)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await body(folder)
    }
}

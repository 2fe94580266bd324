import Foundation
import TestSupport
import Testing
import VCRCassette

/// Saving through symbolic links, keeping permissions, cleaning up after
/// interrupted saves, and the lock that makes saves take turns.
@Suite struct SafeSavingTests {
    private let cassette = Cassette(interactions: [
        Interaction(
            id: 0, request: RecordedRequest(url: "https://example.com/"),
            response: RecordedResponse(body: Data("ok".utf8)))
    ])

    private func permissions(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test func savingThroughASymbolicLinkWritesItsTargetAndKeepsTheLink() throws {
        try TemporaryFolder.with("vcr-safe-saving") { root in
            let shared = root.appendingPathComponent("shared")
            try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
            let target = shared.appendingPathComponent("real.yaml")
            try Data("old".utf8).write(to: target)
            try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: target.path)
            let link = root.appendingPathComponent("link.yaml")
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "shared/real.yaml")
            let chained = root.appendingPathComponent("chained.yaml")
            try FileManager.default.createSymbolicLink(atPath: chained.path, withDestinationPath: link.path)

            try cassette.write(to: chained)

            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "shared/real.yaml")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: chained.path) == link.path)
            #expect(try Data(contentsOf: target) == cassette.yaml())
            #expect(try permissions(target.path) == 0o640)
            #expect(try FileManager.default.contentsOfDirectory(atPath: shared.path) == ["real.yaml"])
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == [
                    "chained.yaml", "link.yaml", "shared",
                ])
        }
    }

    @Test func aDanglingLinkCreatesItsTarget() throws {
        try TemporaryFolder.with("vcr-safe-saving") { root in
            let link = root.appendingPathComponent("link.yaml")
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "new.yaml")
            try cassette.write(to: link)
            #expect(try Data(contentsOf: root.appendingPathComponent("new.yaml")) == cassette.yaml())
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "new.yaml")
        }
    }

    @Test func aSaveKeepsTheFilesPermissions() throws {
        try TemporaryFolder.with("vcr-safe-saving") { root in
            let file = root.appendingPathComponent("cassette.yaml")
            try Data("old".utf8).write(to: file)
            for mode in [0o600, 0o644, 0o664, 0o444] {
                try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file.path)
                try cassette.write(to: file)
                #expect(try permissions(file.path) == mode)
            }
        }
    }

    @Test func leftoversOfAnInterruptedSaveAreRemovedByTheNextSave() throws {
        try TemporaryFolder.with("vcr-safe-saving") { root in
            let file = root.appendingPathComponent("cassette.yaml")
            let leftover = root.appendingPathComponent(".cassette.yaml.\(UUID().uuidString).tmp")
            let otherCassettes = root.appendingPathComponent(".cassette.yaml.2.\(UUID().uuidString).tmp")
            let notOurs = root.appendingPathComponent(".cassette.yaml.notes.tmp")
            for stray in [leftover, otherCassettes, notOurs] { try Data("half a cass".utf8).write(to: stray) }
            try cassette.write(to: file)
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
                    == [otherCassettes.lastPathComponent, notOurs.lastPathComponent, "cassette.yaml"].sorted())
        }
    }

    @Test func aSaveWaitsForTheLockAndGivesUpWithinItsBound() throws {
        try TemporaryFolder.with("vcr-safe-saving") { root in
            let file = root.appendingPathComponent("cassette.yaml")
            try CassetteFile.withLock(file) { held throws(CassetteError) in
                #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(".cassette.yaml.lock").path))
                #expect(held.url.lastPathComponent == "cassette.yaml")
                #expect(try held.contents() == nil)
                #expect {
                    try CassetteFile.withLock(file, timeout: .milliseconds(50)) { _ throws(CassetteError) in }
                } throws: { error in
                    (error as? CassetteError).map { $0.kind == .io && "\($0)".contains("held the lock") } ?? false
                }
                try held.replace(with: cassette.yaml())
            }
            #expect(try Data(contentsOf: file) == cassette.yaml())
            #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["cassette.yaml"])
        }
    }

    @Test func aLockFileLeftByADeadProcessDoesNotBlock() throws {
        try TemporaryFolder.with("vcr-safe-saving") { root in
            let file = root.appendingPathComponent("cassette.yaml")
            try Data().write(to: root.appendingPathComponent(".cassette.yaml.lock"))
            try cassette.write(to: file)
            #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["cassette.yaml"])
        }
    }
}

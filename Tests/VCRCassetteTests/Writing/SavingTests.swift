import Foundation
import TestSupport
import Testing
import VCRCassette

@Suite struct SavingTests {
    private let cassette = Cassette(interactions: [
        Interaction(
            id: 0, request: RecordedRequest(url: "https://example.com/"),
            response: RecordedResponse(body: Data("ok".utf8)))
    ])

    @Test func createsMissingDirectories() throws {
        try TemporaryFolder.with("vcr-saving") { root in
            let file = root.appendingPathComponent("a/b/c/cassette.yaml")
            try cassette.write(to: file)
            #expect(try Data(contentsOf: file) == cassette.yaml())
            #expect(try Cassette(contentsOf: file) == cassette)
        }
    }

    @Test func replacesAnExistingFileAndLeavesNoTemporaryFiles() throws {
        try TemporaryFolder.with("vcr-saving") { root in
            let file = root.appendingPathComponent("cassette.yaml")
            try Data("old".utf8).write(to: file)
            try cassette.write(to: file)
            #expect(try Data(contentsOf: file) == cassette.yaml())
            #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["cassette.yaml"])
        }
    }

    @Test func aFailedSaveKeepsWhatWasThereAndSaysWhere() throws {
        try TemporaryFolder.with("vcr-saving") { root in
            let target = root.appendingPathComponent("cassette.yaml")
            try FileManager.default.createDirectory(
                at: target.appendingPathComponent("occupied"), withIntermediateDirectories: true)
            #expect {
                try cassette.write(to: target)
            } throws: { error in
                guard let error = error as? CassetteError else { return false }
                return error.kind == .io && error.path == target.path
            }
            #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("occupied").path))
            #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["cassette.yaml"])
        }
    }

    @Test func newCassettesUseTheCompactLayout() {
        let text = String(decoding: cassette.yaml(), as: UTF8.self)
        #expect(text.hasPrefix("---\nversion: 2\ninteractions:\n- id: 0\n  request:\n    proto: HTTP/1.1\n"))
        #expect(!text.hasSuffix("...\n"))
    }

    @Test func anEmptyCassetteWritesAnEmptyList() {
        #expect(String(decoding: Cassette().yaml(), as: UTF8.self) == "---\nversion: 2\ninteractions: []\n")
    }
}

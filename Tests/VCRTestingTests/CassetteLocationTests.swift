import Foundation
import Testing

@testable import VCRTesting

@Suite struct CassetteLocationTests {
    static let root = CassetteLocation.packageRoot(containing: #filePath)

    @Test func packageRootIsTheNearestDirectoryWithAManifest() {
        #expect(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent("Package.swift").path))
        #expect(Self.root.appendingPathComponent("Tests/VCRTestingTests/CassetteLocationTests.swift").path == #filePath)
    }

    @Test func packageRootFallsBackToTheFilesDirectory() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vcr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("Tests/ChatTests.swift").path
        #expect(CassetteLocation.packageRoot(containing: file).path == directory.appendingPathComponent("Tests").path)

        try Data().write(to: directory.appendingPathComponent("Package.swift"))
        #expect(CassetteLocation.packageRoot(containing: file).path == directory.path)
    }

    @Test func defaultNameIsGroupThenTest() {
        let url = CassetteLocation(name: nil, directory: "Cassettes").url(
            group: "ChatTests", test: "streams", filePath: #filePath)
        #expect(url.path == Self.root.appendingPathComponent("Cassettes/ChatTests/streams.yaml").path)
    }

    @Test(arguments: [
        ("chat", "Cassettes/chat.yaml"),
        ("openai/chat", "Cassettes/openai/chat.yaml"),
        ("chat.yaml", "Cassettes/chat.yaml"),
        ("chat.yml", "Cassettes/chat.yml"),
    ])
    func nameIsAPathUnderTheDirectory(name: String, path: String) {
        let url = CassetteLocation(name: name, directory: "Cassettes").url(
            group: "ChatTests", test: "streams", filePath: #filePath)
        #expect(url.path == Self.root.appendingPathComponent(path).path)
    }

    @Test func directoryIsRelativeToThePackageRootOrAbsolute() {
        let relative = CassetteLocation(name: nil, directory: "Tests/Fixtures/Tapes")
        #expect(
            relative.url(group: "ChatTests", test: "streams", filePath: #filePath).path
                == Self.root.appendingPathComponent("Tests/Fixtures/Tapes/ChatTests/streams.yaml").path)
        let absolute = CassetteLocation(name: "chat", directory: "/var/cassettes")
        #expect(
            absolute.url(group: "ChatTests", test: "streams", filePath: #filePath).path == "/var/cassettes/chat.yaml")
    }

    @Test func absoluteNameIsUsedAsItIs() {
        let location = CassetteLocation(name: "/var/cassettes/chat.yaml", directory: "Cassettes")
        #expect(
            location.url(group: "ChatTests", test: "streams", filePath: #filePath).path == "/var/cassettes/chat.yaml")
    }

    @Test(arguments: [("streams()", "streams"), ("streams(model:)", "streams"), ("testStreams", "testStreams")])
    func baseNameDropsTheParameterList(function: String, name: String) {
        #expect(CassetteLocation.baseName(of: function) == name)
    }
}

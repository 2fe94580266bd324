import Foundation
import Testing
import VCRCassette

@testable import VCRCommand

@Suite struct CassetteFilesTests {
    @Test func expandsDirectoriesRecursivelyInSortedOrder() throws {
        try withTemporaryDirectory { directory in
            for name in [
                "b.yaml", "a.yml", "c/z.yaml", "c/d/e.yaml", "notes.txt", ".hidden.yaml", ".git/config.yaml", "c.yaml",
            ] {
                try write("", to: directory + "/" + name)
            }
            try FileManager.default.createSymbolicLink(atPath: directory + "/loop", withDestinationPath: directory)
            try FileManager.default.createSymbolicLink(
                atPath: directory + "/link.yaml", withDestinationPath: directory + "/b.yaml")

            let (files, errors) = CassetteFiles.expand([directory + "/", directory + "/notes.txt"])

            #expect(
                files == [
                    directory + "/a.yml",
                    directory + "/b.yaml",
                    directory + "/c/d/e.yaml",
                    directory + "/c/z.yaml",
                    directory + "/c.yaml",
                    directory + "/link.yaml",
                    directory + "/notes.txt",
                ])
            #expect(errors.isEmpty)
        }
    }

    @Test func reportsMissingPaths() {
        let (files, errors) = CassetteFiles.expand(["/nonexistent/vcr/cassette.yaml"])
        #expect(files.isEmpty)
        #expect(
            errors.map(\.description) == [
                "/nonexistent/vcr/cassette.yaml: found no file or directory here; expected a cassette file or a directory"
            ])
    }

    @Test func namesTheReasonAFileCannotBeRead() throws {
        try withTemporaryDirectory { directory in
            #expect(
                throws: CassetteError(
                    .io, path: directory, message: "found a directory; expected a readable cassette file")
            ) {
                try CassetteFiles.read(directory)
            }
        }
    }
}

import Foundation
import Testing

@testable import VCRCassette

/// Appending interactions to a cassette file keeps every byte of it and adds
/// the new interactions after it, in the file's own layout.
@Suite struct AppendingTests {
    /// Two interactions to append, made from the file's own first and last
    /// ones so that they carry the file's kinds of values.
    private static func newInteractions(like cassette: Cassette) -> [Interaction] {
        let samples =
            cassette.interactions.isEmpty
            ? [Interaction(id: 0, request: RecordedRequest(url: "https://example.com/"), response: RecordedResponse())]
            : [cassette.interactions[0], cassette.interactions[cassette.interactions.count - 1]]
        return samples.enumerated().map { offset, sample in
            var interaction = sample
            interaction.id = 1000 + offset
            interaction.request.url += offset == 0 ? "?appended=1" : "#appended"
            return interaction
        }
    }

    private static var corpusFiles: [URL] {
        Corpus.cassettes(in: "fantasy") + Corpus.cassettes(in: "generated")
    }

    @Test func everyCorpusFileKeepsItsBytesAndGainsOnlyTheNewInteractions() throws {
        let files = Self.corpusFiles
        #expect(files.count >= 50)
        for file in files {
            let original = try Data(contentsOf: file)
            let loaded = try Cassette(yaml: original, path: file.path)
            let added = Self.newInteractions(like: loaded)
            let appended = try Cassette.appending(added, toFile: original, path: file.path)
            // "load, append, save" as a whole file, go-vcr's way.
            var whole = loaded
            whole.interactions += added.enumerated().map { offset, interaction in
                var numbered = interaction
                numbered.id = loaded.interactions.count + offset
                return numbered
            }
            #expect(appended.yaml == whole.yaml(), "\(file.lastPathComponent)")
            #expect(appended.cassette.interactions == whole.interactions, "\(file.lastPathComponent)")
            #expect(appended.added.map(\.id) == Array(loaded.interactions.count..<loaded.interactions.count + 2))
            if loaded.interactions.isEmpty {
                #expect(!appended.keepsExistingBytes)
            } else {
                #expect(appended.keepsExistingBytes, "\(file.lastPathComponent)")
                #expect(appended.yaml.starts(with: original), "\(file.lastPathComponent)")
            }
            #expect(try Cassette(yaml: appended.yaml) == whole, "\(file.lastPathComponent)")
        }
    }

    /// A corpus file edited by hand: a comment before each item and at the
    /// end, and no final line break.
    private static func handEditedVariants(of text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let itemPrefix = lines.first { $0.hasPrefix("- id:") || $0.hasPrefix("    - id:") }.map {
            $0.prefix { $0 == " " } + "- id:"
        }
        let commented = lines.map { line in
            itemPrefix.map { line.hasPrefix($0) } == true ? "# an interaction\n" + line : line
        }.joined(separator: "\n")
        var withoutBreak = text
        while withoutBreak.hasSuffix("\n") { withoutBreak.removeLast() }
        return ["# recorded for the tests\n" + commented, text + "\n# the end\n", withoutBreak]
    }

    @Test func handEditedCorpusFilesKeepTheirBytes() throws {
        for file in Self.corpusFiles {
            let text = try String(contentsOf: file, encoding: .utf8)
            let loaded = try Cassette(contentsOf: file)
            guard !loaded.interactions.isEmpty else { continue }
            for (number, variant) in Self.handEditedVariants(of: text).enumerated() {
                let bytes = Data(variant.utf8)
                let edited = try Cassette(yaml: bytes)
                #expect(edited.interactions == loaded.interactions, "\(file.lastPathComponent) variant \(number)")
                let added = Self.newInteractions(like: loaded)
                let appended = try Cassette.appending(added, toFile: bytes, path: file.path)
                #expect(appended.keepsExistingBytes, "\(file.lastPathComponent) variant \(number)")
                #expect(appended.yaml.starts(with: bytes), "\(file.lastPathComponent) variant \(number)")
                #expect(try Cassette(yaml: appended.yaml).interactions == appended.cassette.interactions)
                #expect(appended.cassette.interactions.count == loaded.interactions.count + 2)
            }
        }
    }

    @Test func theContinuationIsWhatFollowsTheLastItemOfTheWholeFile() throws {
        for file in Self.corpusFiles {
            let loaded = try Cassette(contentsOf: file)
            guard !loaded.interactions.isEmpty else { continue }
            let added = Self.newInteractions(like: loaded)
            let whole = Cassette(interactions: loaded.interactions + added, layout: loaded.layout)
            let continuation = CassetteEncoder.encodeContinuation(added, layout: loaded.layout)
            #expect(Array(whole.yaml()) == Array(loaded.yaml()) + continuation, "\(file.lastPathComponent)")
        }
    }

    // MARK: Hand-edited files

    private static let handEdited = """
        # Recorded by hand; please keep this comment.
        ---
        version: 2

        interactions:
        # the first request
        - id: 0
          request:
            proto: HTTP/1.1
            proto_major: 1
            proto_minor: 1
            content_length: 0
            host: "example.com"
            url: https://example.com/a
            method: GET
          response:
            proto: HTTP/1.1
            proto_major: 1
            proto_minor: 1
            content_length: 2
            body: 'ok'
            headers: {}
            status: 200 OK
            code: 200
            duration: 1ms


        # trailing notes, at the end of the file
        """

    private static let added = [
        Interaction(
            id: 7,
            request: RecordedRequest(host: "example.com", url: "https://example.com/b", method: "POST"),
            response: RecordedResponse(body: Data("line one\nline two\n".utf8), status: "201 Created", code: 201))
    ]

    /// Appends ``added`` to `text` and checks that the file's bytes are kept
    /// and that it reads back as its interactions followed by the new one.
    private func expectKeptBytes(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> AppendedCassette
    {
        let original = Data(text.utf8)
        let loaded = try Cassette(yaml: original)
        let appended = try Cassette.appending(Self.added, toFile: original, path: "hand.yaml")
        #expect(appended.keepsExistingBytes, sourceLocation: sourceLocation)
        #expect(appended.yaml.starts(with: original), sourceLocation: sourceLocation)
        let reread = try Cassette(yaml: appended.yaml)
        #expect(reread.interactions.dropLast() == loaded.interactions[...], sourceLocation: sourceLocation)
        #expect(reread.interactions.last?.response.body == Self.added[0].response.body, sourceLocation: sourceLocation)
        #expect(reread.interactions.map(\.id) == Array(0..<reread.interactions.count), sourceLocation: sourceLocation)
        return appended
    }

    @Test func commentsAndBlankLinesStayAndTheNewInteractionFollowsThem() throws {
        let text = Self.handEdited + "\n"
        let appended = try expectKeptBytes(text)
        let tail = String(decoding: appended.yaml.dropFirst(text.utf8.count), as: UTF8.self)
        #expect(tail.hasPrefix("- id: 1\n  request:\n    proto: HTTP/1.1\n"))
    }

    @Test func aFileWithoutAFinalLineBreakGainsOneBeforeTheNewInteraction() throws {
        let appended = try expectKeptBytes(Self.handEdited)
        #expect(appended.yaml.dropFirst(Self.handEdited.utf8.count).starts(with: Data("\n- id: 1\n".utf8)))
    }

    @Test func itemsInAnotherColumnGetTheNewInteractionInTheirColumn() throws {
        let shifted =
            Self.handEdited.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.hasPrefix("- ") || line.hasPrefix("  ") ? "  " + line : String(line)
            }.joined(separator: "\n") + "\n"
        let appended = try expectKeptBytes(shifted)
        let tail = String(decoding: appended.yaml.dropFirst(shifted.utf8.count), as: UTF8.self)
        #expect(tail.hasPrefix("  - id: 1\n    request:\n"))
    }

    @Test func theIndentedLayoutAppendsInItsOwnLayout() throws {
        var first = Self.added[0]
        first.id = 0
        let indented = Cassette(interactions: [first], layout: .indented)
        let appended = try expectKeptBytes(String(decoding: indented.yaml(), as: UTF8.self))
        #expect(appended.cassette.layout == .indented)
        #expect(String(decoding: appended.yaml, as: UTF8.self).contains("\n    - id: 1\n      request:\n"))
    }

    @Test func aBlockScalarAtTheEndWithoutALineBreakKeepsItsValue() throws {
        // Clipped, the last line's break is part of the value only when it is there.
        let text = """
            ---
            version: 2
            interactions:
            - id: 0
              request:
                url: https://example.com/a
                method: GET
              response:
                code: 200
                body: |
                  ends here
            """
        let loaded = try Cassette(yaml: Data(text.utf8))
        #expect(loaded.interactions[0].response.body == Data("ends here".utf8))
        let appended = try Cassette.appending(Self.added, toFile: Data(text.utf8), path: "hand.yaml")
        let reread = try Cassette(yaml: appended.yaml)
        #expect(reread.interactions.first == loaded.interactions.first)
        #expect(reread.interactions.count == 2)
        #expect(reread.interactions.map(\.id) == [0, 1])
    }

    @Test func anEmptyFlowListIsWrittenAnewAsABlockList() throws {
        let text = "---\nversion: 2\ninteractions: []\n"
        let appended = try Cassette.appending(Self.added, toFile: Data(text.utf8), path: "empty.yaml")
        #expect(!appended.keepsExistingBytes)
        #expect(appended.yaml == Cassette(interactions: [renumbered(Self.added[0], 0)]).yaml())
        #expect(try Cassette(yaml: appended.yaml).interactions.map(\.id) == [0])
    }

    @Test func interactionsThatAreNotTheLastKeyAreWrittenAnew() throws {
        let original = try Cassette(yaml: Data(Self.handEdited.utf8))
        for text in [
            Self.handEdited.replacingOccurrences(of: "version: 2\n", with: "") + "\nversion: 2\n",
            Self.handEdited + "\n...\n",
        ] {
            let appended = try Cassette.appending(Self.added, toFile: Data(text.utf8), path: "hand.yaml")
            #expect(!appended.keepsExistingBytes)
            let reread = try Cassette(yaml: appended.yaml)
            #expect(reread.interactions == original.interactions + [renumbered(Self.added[0], 1)])
        }
    }

    @Test func nothingToAppendLeavesTheBytesAlone() throws {
        let original = Data(Self.handEdited.utf8)
        let appended = try Cassette.appending([], toFile: original, path: "hand.yaml")
        #expect(appended.yaml == original)
        #expect(appended.keepsExistingBytes)
    }

    @Test func aFileThatIsNoCassetteIsAnErrorNamingIt() {
        #expect {
            _ = try Cassette.appending(
                Self.added, toFile: Data("version: 3\ninteractions: []\n".utf8), path: "old.yaml")
        } throws: { error in
            (error as? CassetteError)?.path == "old.yaml"
        }
    }

    private func renumbered(_ interaction: Interaction, _ id: Int) -> Interaction {
        var numbered = interaction
        numbered.id = id
        return numbered
    }
}

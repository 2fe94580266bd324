import Foundation
import Testing
import VCR
import VCRCassette
import VCRTesting

/// `.cassettes(…)` on a suite sets directory, mode and options for every
/// `.cassette` test below it, nested suites included.
@Suite(.cassettes(directory: "Cassettes/VCRTestingTests", mode: .never, options: VCR.Options(allowsRepeats: true)))
struct CassetteSuiteTraitTests {
    @Test(.cassette("whoami"))
    func theSuiteSetsDirectoryModeAndOptions() async throws {
        let vcr = try #require(VCR.current)
        #expect(vcr.cassettePath.hasSuffix("/Cassettes/VCRTestingTests/whoami.yaml"))
        #expect(vcr.mode == .never)
        #expect(vcr.options.allowsRepeats)
        #expect(!vcr.options.printsMismatches)  // the trait reports mismatches itself, once
        // Answered twice: the suite's options allow repeats.
        #expect(try await Whoami.cassette(using: vcr.session) == "VCRTestingTests/whoami")
        #expect(try await Whoami.cassette(using: vcr.session) == "VCRTestingTests/whoami")
    }

    @Test(.cassette("VCRTestingTests/whoami", directory: "Cassettes", options: VCR.Options()))
    func theTestsOwnArgumentsWin() async throws {
        let vcr = try #require(VCR.current)
        #expect(vcr.cassettePath.hasSuffix("/Cassettes/VCRTestingTests/whoami.yaml"))
        #expect(!vcr.options.allowsRepeats)
    }

    @Suite(.cassettes(directory: "Cassettes"))
    struct Nested {
        @Test(.cassette("VCRTestingTests/whoami"))
        func anInnerSuiteOverridesWhatItSetsAndKeepsTheRest() async throws {
            let vcr = try #require(VCR.current)
            #expect(vcr.cassettePath.hasSuffix("/Cassettes/VCRTestingTests/whoami.yaml"))
            #expect(vcr.options.allowsRepeats)
        }
    }

    @Test func theDefaultsReachTheTraitsScope() async throws {
        let trait: _CassetteTrait = .cassette("whoami", allowingUnused: false)
        let test = try #require(Test.current)
        let recorded = Box<[Issue]>()
        try await withKnownIssue {
            try await trait.provideScope(for: test, testCase: Test.Case.current) {}
        } matching: { issue in
            recorded.update(startingWith: []) { $0.append(issue) }
            return true
        }
        // The suite's directory found the cassette; the test's allowingUnused: false reported its interaction.
        let message = try #require(recorded.value?.first).comments.map(\.rawValue).joined()
        #expect(recorded.value?.count == 1)
        #expect(message.contains("1 of 1 interactions"))
    }
}

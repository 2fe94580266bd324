import Foundation
import Testing
import VCR
import VCRTesting

/// Tests running in parallel each get their own cassette. The three cassettes
/// answer the same request, each with its own name.
@Suite struct ParallelCassetteTests {
    @Test(.cassette()) func first() async throws {
        #expect(try await Whoami.cassette(using: try #require(VCR.current).session) == "ParallelCassetteTests/first")
    }

    @Test(.cassette()) func second() async throws {
        #expect(try await Whoami.cassette(using: try #require(VCR.current).session) == "ParallelCassetteTests/second")
    }

    @Test(.cassette()) func third() async throws {
        #expect(try await Whoami.cassette(using: try #require(VCR.current).session) == "ParallelCassetteTests/third")
    }

    /// Three cassette scopes open at the same moment: each task sends its
    /// request only once all three VCRs are live, and each is answered from its own cassette.
    @Test func scopesOpenAtOnceDoNotCrossTalk() async throws {
        let test = try #require(Test.current)
        let names = ["first", "second", "third"]
        let allOpen = Rendezvous(parties: names.count)
        let answers = try await withThrowingTaskGroup(of: (String, String).self) { group in
            for name in names {
                group.addTask {
                    let answer = Box<String>()
                    let trait: _CassetteTrait = .cassette("ParallelCassetteTests/\(name)")
                    try await trait.provideScope(for: test, testCase: nil) {
                        let vcr = try #require(VCR.current)
                        await allOpen.arrive()
                        answer.value = try await Whoami.cassette(using: vcr.session)
                        #expect(VCR.current === vcr)
                    }
                    return (name, answer.value ?? "")
                }
            }
            return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        #expect(answers == Dictionary(uniqueKeysWithValues: names.map { ($0, "ParallelCassetteTests/\($0)") }))
    }
}

/// Suspends each caller of ``arrive()`` until `parties` callers have arrived.
actor Rendezvous {
    private let parties: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(parties: Int) {
        self.parties = parties
    }

    func arrive() async {
        if waiting.count + 1 == parties {
            waiting.forEach { $0.resume() }
            waiting = []
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }
}

import Foundation
import Testing
import VCR
import VCRCassette

@testable import VCRTesting

/// Each case of a parameterized test replays a cassette of its own, named after its arguments.
@Suite struct ParameterizedCassetteTests {
    @Test(.cassette(), arguments: ["otters", "sea otters"])
    func whoami(animal: String) async throws {
        let vcr = try #require(VCR.current)
        let name = animal == "otters" ? "otters" : "sea-otters-\(TestCaseName.hash("sea otters"))"
        #expect(vcr.cassettePath.hasSuffix("/Cassettes/ParameterizedCassetteTests/whoami/\(name).yaml"))
        #expect(try await Whoami.cassette(using: vcr.session) == "ParameterizedCassetteTests/whoami/\(name)")
    }

    /// An argument type whose description is its own.
    struct Animal: Sendable, CustomTestStringConvertible {
        var name: String
        var testDescription: String { "animal \(name)" }
    }

    @Test(arguments: [Animal(name: "otter"), Animal(name: "beaver")])
    func theCurrentCaseIsNamedAfterItsArguments(animal: Animal) throws {
        let name = try #require(TestCaseName.of(Test.Case.current))
        #expect(name == "animal-\(animal.name)-\(TestCaseName.hash("animal \(animal.name)"))")
    }

    @Test(arguments: [1, 2], ["a", "b"])
    func severalArgumentsAreJoinedAndHashed(number: Int, letter: String) throws {
        let name = try #require(TestCaseName.of(Test.Case.current))
        #expect(name == "\(number)-\(letter)-\(TestCaseName.hash("\(number)\u{0}\(letter)"))")
    }

    @Test(arguments: [7, 7])
    func aRepeatedArgumentGetsItsDiscriminator(number: Int) throws {
        let name = try #require(TestCaseName.of(Test.Case.current))
        #expect(name == "7" || name.hasPrefix("7-"))
    }

    @Test func aTestThatIsNotParameterizedHasNoCaseName() {
        #expect(TestCaseName.of(Test.Case.current) == nil)
    }

    @Test func namesKeepLettersDigitsAndAFewMarksAndHashTheRest() {
        #expect(TestCaseName.name(describing: ["otters"]) == "otters")
        #expect(TestCaseName.name(describing: ["gpt-4o_mini.v2"]) == "gpt-4o_mini.v2")
        #expect(TestCaseName.name(describing: ["Ünïcode"]) == "Ünïcode")
        #expect(TestCaseName.name(describing: ["a b"]) == "a-b-\(TestCaseName.hash("a b"))")
        #expect(TestCaseName.name(describing: ["a-b"]) == "a-b")
        #expect(
            TestCaseName.name(describing: ["../../etc/passwd"]) == "etc-passwd-\(TestCaseName.hash("../../etc/passwd"))"
        )
        #expect(TestCaseName.name(describing: ["!!!"]) == "case-\(TestCaseName.hash("!!!"))")
        #expect(TestCaseName.name(describing: [""]) == "case-\(TestCaseName.hash(""))")
        let long = String(repeating: "x", count: 100)
        #expect(
            TestCaseName.name(describing: [long]) == String(repeating: "x", count: 64) + "-" + TestCaseName.hash(long))
        #expect(TestCaseName.name(describing: ["otters"], discriminator: 1) == "otters-1")
        #expect(TestCaseName.hash("sea otters") == TestCaseName.hash("sea otters"))
        #expect(TestCaseName.hash("sea otters").count == 8)
    }

    @Test func aCaseHasAFolderNamedLikeTheTestsCassette() {
        let location = CassetteLocation(name: nil, directory: "/tmp/Cassettes")
        #expect(
            location.url(group: "Suite", test: "test", testCase: "otters", filePath: "/x/y.swift").path
                == "/tmp/Cassettes/Suite/test/otters.yaml")
        let named = CassetteLocation(name: "openai/chat.yml", directory: "/tmp/Cassettes")
        #expect(
            named.url(group: "Suite", test: "test", testCase: "otters", filePath: "/x/y.swift").path
                == "/tmp/Cassettes/openai/chat/otters.yml")
    }
}

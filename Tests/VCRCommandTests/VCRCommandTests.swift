import ArgumentParser
import Testing

@testable import VCRCommand

@Suite struct VCRCommandTests {
    static let names = ["lint", "fmt", "dump", "show"]

    @Test func offersEachSubcommand() {
        let offered = VCRCommand.configuration.subcommands.compactMap { $0.configuration.commandName }
        #expect(Array(offered.prefix(Self.names.count)) == Self.names)
    }

    @Test(arguments: names)
    func explainsTheSubcommandWithAnExample(name: String) throws {
        let command = try #require(VCRCommand.configuration.subcommands.first { $0.configuration.commandName == name })
        let help = VCRCommand.helpMessage(for: command, columns: 200)
        #expect(help.contains("Example"))
        #expect(help.contains("vcr \(name) "))
    }

    @Test(arguments: names)
    func requiresAPath(name: String) {
        #expect(throws: (any Error).self) { try VCRCommand.parseAsRoot([name]) }
    }
}

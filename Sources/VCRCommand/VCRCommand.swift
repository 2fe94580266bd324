import ArgumentParser

/// The `vcr` command-line tool: checks, formats and prints go-vcr cassettes.
@main
struct VCRCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vcr",
        abstract: "Work with go-vcr version 2 cassettes.",
        discussion: """
            Cassettes are the YAML files go-vcr records HTTP traffic into. Each subcommand \
            takes cassette files, or directories that are searched recursively for `.yaml` \
            and `.yml` files.

            Examples:
              vcr lint Cassettes
              vcr fmt --check Cassettes
              vcr show Cassettes/openai-chat-parallel-tool-calls.yaml
              vcr serve Cassettes/openai-chat-parallel-tool-calls.yaml --port 8080
            """,
        subcommands: [
            LintCommand.self,
            FormatCommand.self,
            DumpCommand.self,
            ShowCommand.self,
            CheckCommand.self,
            ServeCommand.self,
        ]
    )
}

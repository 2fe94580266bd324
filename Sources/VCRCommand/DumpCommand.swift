import ArgumentParser
import VCRCassette

/// `vcr dump`: prints a cassette as JSON.
struct DumpCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Print a cassette as JSON.",
        discussion: """
            Prints `{"version": 2, "interactions": [...]}` with every field of the cassette \
            format under its YAML key, in the format's order, empty lists, maps and strings \
            included. Header, trailer and form names are sorted. A body is a JSON string when \
            it is valid UTF-8, and `{"binary": "<base64>"}` otherwise. `duration` is Go's \
            duration text, such as `1.289255208s`. The output is pretty-printed with two-space \
            indentation and is the same for the same cassette every time, so it can be \
            diffed or piped to jq.

            Example:
              vcr dump Cassettes/login.yaml | jq '.interactions[].request.url'
            """
    )

    @Argument(help: "The cassette file.")
    var path: String

    func run(on console: Console) -> ExitCode {
        do {
            let cassette = try Cassette(yaml: try CassetteFiles.read(path), path: path)
            console.output(CassetteJSON.value(of: cassette).prettyPrinted)
            return .success
        } catch {
            console.printError(error.description)
            return .failure
        }
    }
}

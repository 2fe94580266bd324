import ArgumentParser
import Foundation
import VCRCassette

/// `vcr fmt`: rewrites cassettes in the canonical form go-vcr writes.
struct FormatCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Rewrite cassettes in canonical go-vcr form.",
        discussion: """
            Reads each cassette and writes it back exactly as go-vcr would write it: keys \
            in the format's order, header names sorted, each value in the scalar style go-vcr \
            picks. A cassette keeps the style of the writer that wrote it, detected from \
            the file, unless --style is given: compact (x/vcr v0.1, yaml/v4 rc.3: two \
            spaces), indented (go-vcr, yaml.v3: four spaces, sequences under their key), \
            folded (x/vcr main, yaml/v4 rc.6: compact, long scalars folded after column \
            80) or goccy (go-vcr v4.0.5, goccy/go-yaml: compact, strings double-quoted). \
            Only files whose bytes change are written, each atomically.

            With --check nothing is written: the path of each cassette that would change is \
            printed, and the exit code is 1 if there is any.

            Directories are searched recursively for `.yaml` and `.yml` files, in sorted \
            order; hidden files and directories are skipped. A cassette that cannot be read \
            is reported on standard error and makes the exit code 1.

            Examples:
              vcr fmt Cassettes
              vcr fmt --check Cassettes
              vcr fmt --style indented Cassettes/login.yaml
              vcr fmt --style goccy Cassettes
            """
    )

    /// The writer `--style` selects.
    enum Style: String, CaseIterable, ExpressibleByArgument {
        /// x/vcr v0.1 (go.yaml.in/yaml/v4 rc.3): two spaces, sequences in their key's column.
        case compact
        /// go-vcr's default (gopkg.in/yaml.v3): four spaces, sequences indented under their key.
        case indented
        /// x/vcr's main branch (go.yaml.in/yaml/v4 rc.6): compact, long scalars folded after column 80.
        case folded
        /// go-vcr v4.0.5 (goccy/go-yaml v1.18.0): compact, strings that need quoting double-quoted.
        case goccy

        /// The cassette style this writes.
        var layoutStyle: CassetteLayout.Style {
            switch self {
            case .compact: .compact
            case .indented: .indented
            case .folded: .folded
            case .goccy: .goccy
            }
        }
    }

    @Flag(help: "Write nothing; print the path of each cassette that would change, and exit with 1 if any would.")
    var check = false

    @Option(help: "The style to write: compact, indented, folded or goccy. By default each cassette keeps its own.")
    var style: Style?

    @Argument(help: "Cassette files, or directories to search for .yaml and .yml files.")
    var paths: [String]

    func run(on console: Console) -> ExitCode {
        let (files, errors) = CassetteFiles.expand(paths)
        errors.forEach { console.printError($0.description) }
        var success = errors.isEmpty
        for file in files {
            do {
                let original = try CassetteFiles.read(file)
                var cassette = try Cassette(yaml: original, path: file)
                if let style { cassette.layout.style = style.layoutStyle }
                guard cassette.yaml() != original else { continue }
                if check {
                    console.print(file)
                    success = false
                } else {
                    try cassette.write(to: URL(fileURLWithPath: file))
                }
            } catch {
                console.printError(error.description)
                success = false
            }
        }
        return success ? .success : .failure
    }
}

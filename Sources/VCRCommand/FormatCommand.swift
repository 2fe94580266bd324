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

    @Flag(help: "Write nothing; print the path of each cassette that would change, and exit with 1 if any would.")
    var check = false

    @Option(help: "The style to write: compact, indented, folded or goccy. By default each cassette keeps its own.")
    var style: CassetteLayout.Style?

    @Argument(help: "Cassette files, or directories to search for .yaml and .yml files.")
    var paths: [String]

    func run(on console: Console) -> ExitCode {
        let (files, errors) = CassetteFiles.expand(paths)
        errors.forEach { console.printError($0.description) }
        var success = errors.isEmpty
        for file in files {
            do {
                guard try formatted(CassetteFiles.read(file), path: file) != nil else { continue }
                if check {
                    console.print(file)
                    success = false
                } else {
                    try rewrite(file)
                }
            } catch {
                console.printError(error.description)
                success = false
            }
        }
        return success ? .success : .failure
    }

    /// The bytes `original` is formatted to; nil when they are the same.
    private func formatted(_ original: Data, path: String) throws(CassetteError) -> Data? {
        var cassette = try Cassette(yaml: original, path: path)
        if let style { cassette.layout.style = style }
        let yaml = cassette.yaml()
        return yaml == original ? nil : yaml
    }

    /// Formats `file` again under the lock every save takes, so that what
    /// another process saves between the first read and this write is kept.
    private func rewrite(_ file: String) throws(CassetteError) {
        try CassetteFile.withLock(URL(fileURLWithPath: file)) { locked throws(CassetteError) in
            if let yaml = try formatted(CassetteFiles.read(file), path: file) { try locked.replace(with: yaml) }
        }
    }
}

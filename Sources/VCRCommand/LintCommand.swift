import ArgumentParser

/// `vcr lint`: reports every problem in cassettes as `path:line:column: message`.
struct LintCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check cassettes for errors and warnings.",
        discussion: """
            Reads each cassette and prints one line per problem, in the form \
            `path:line:column: message` that editors and CI annotations understand.

            Errors are what go-vcr cannot load or replay cannot serve: bad YAML, a wrong \
            type, an unsupported version, a response header name or value holding CR, LF or \
            NUL, a status code outside 100–599 or none, a FIFO, socket or device where a file \
            belongs. Warnings, printed as `path:line:column: warning: message`, are what \
            go-vcr accepts but is unusual: interaction ids that do not count 0, 1, 2… in \
            file order, a `code` that disagrees with the number in `status`, and a request \
            `url` that is not an absolute URL with a host.

            Directories are searched recursively for `.yaml` and `.yml` files, in sorted \
            order; hidden files and directories are skipped. Each file is read in chunks, \
            never whole.

            Exits with 1 when there is an error (or, with --strict, a warning), 0 otherwise.

            Example:
              $ vcr lint Cassettes
              Cassettes/a.yaml:23:7: warning: expected id 1, found 2: ids count 0, 1, 2… in file order
            """
    )

    @Argument(help: "Cassette files, or directories to search for .yaml and .yml files.")
    var paths: [String]

    @Flag(help: "Exit with 1 when there are warnings, not only errors.")
    var strict = false

    func run(on console: Console) -> ExitCode {
        let (files, errors) = CassetteFiles.expand(paths)
        errors.forEach { console.printError($0.description) }
        var failed = !errors.isEmpty
        for file in files {
            let problems = CassetteLinter.problems(inFileAt: file)
            problems.forEach { console.print($0.description) }
            failed = failed || problems.contains { strict || $0.severity == .error }
        }
        return failed ? .failure : .success
    }
}

import ArgumentParser

/// `vcr lint`: reports every problem in cassettes as `path:line:column: message`.
struct LintCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check cassettes for errors.",
        discussion: """
            Reads each cassette and prints one line per problem, in the form \
            `path:line:column: message` that editors and CI annotations understand. Besides \
            what makes a cassette unreadable (bad YAML, a wrong type, an unsupported \
            version), lint reports what a reader accepts but is wrong: interaction ids that \
            do not count 0, 1, 2… in file order, a `code` that disagrees with the number in \
            `status`, and a request `url` that is not an absolute URL.

            Directories are searched recursively for `.yaml` and `.yml` files, in sorted \
            order; hidden files and directories are skipped.

            Exits with 0 when there is no problem, 1 otherwise.

            Example:
              $ vcr lint Cassettes
              Cassettes/a.yaml:23:7: expected id 1, found 2: ids count 0, 1, 2… in file order
            """
    )

    @Argument(help: "Cassette files, or directories to search for .yaml and .yml files.")
    var paths: [String]

    func run(on console: Console) -> ExitCode {
        let (files, errors) = CassetteFiles.expand(paths)
        errors.forEach { console.printError($0.description) }
        var clean = errors.isEmpty
        for file in files {
            let problems: [LintProblem]
            do {
                problems = CassetteLinter.problems(in: try CassetteFiles.read(file), path: file)
            } catch {
                problems = [LintProblem(error)]
            }
            problems.forEach { console.print($0.description) }
            clean = clean && problems.isEmpty
        }
        return clean ? .success : .failure
    }
}

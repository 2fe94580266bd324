import ArgumentParser

@main
struct VCRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "vcr", abstract: "Work with go-vcr cassettes.")
}

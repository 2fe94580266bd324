import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == PeakMemory.subcommand, arguments.count == 2 {
    exit(PeakMemory.runChild(path: arguments[1]))
}
if arguments.first == OpenBenchmark.subcommand, arguments.count == 3 {
    exit(OpenBenchmark.runOnce(which: arguments[1], corpus: URL(fileURLWithPath: arguments[2])))
}
if arguments.first == ReplayProfile.subcommand, arguments.count == 3, let count = Int(arguments[2]) {
    ReplayProfile.runBlocking(which: arguments[1], count: count)
}
if arguments.first == ServerProfile.subcommand, arguments.count == 3 {
    ServerProfile.runBlocking(which: arguments[1], count: arguments[2])
}
if arguments.contains("--help") || arguments.contains("-h") {
    print(Settings.usage)
    exit(0)
}
guard let settings = Settings(arguments: arguments) else {
    exit(2)
}
do {
    var run = BenchmarkRun(settings: settings)
    try await run.run()
} catch {
    FileHandle.standardError.write(Data("vcr-benchmark: \(error)\n".utf8))
    exit(1)
}

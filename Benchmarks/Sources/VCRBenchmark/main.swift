import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == PeakMemory.subcommand, arguments.count == 2 {
    exit(PeakMemory.runChild(path: arguments[1]))
}
if arguments.first == OpenBenchmark.subcommand, arguments.count == 3 {
    exit(OpenBenchmark.runOnce(which: arguments[1], corpus: URL(fileURLWithPath: arguments[2])))
}
if arguments.first == LoadTurns.subcommand, arguments.count == 3, let passes = Int(arguments[1]) {
    exit(LoadTurns.run(passes: passes, folder: URL(fileURLWithPath: arguments[2])))
}
if arguments.first == ReplayProfile.subcommand, arguments.count == 3, let count = Int(arguments[2]) {
    exitOffTheMainThread { await ReplayProfile.run(which: arguments[1], count: count) }
}
if arguments.first == ServerProfile.subcommand, arguments.count == 3 {
    exitOffTheMainThread { await ServerProfile.run(which: arguments[1], count: arguments[2]) }
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

/// Runs `body` on the cooperative pool and exits with its status from there;
/// the main thread only waits. The profiles run this way so that callgrind can
/// count them: valgrind 3.19 crashes when the main thread parks in
/// `dispatch_main`, whose `sigsuspend` mask is read-only.
func exitOffTheMainThread(_ body: @escaping @Sendable () async -> Int32) -> Never {
    Task.detached { exit(await body()) }
    DispatchSemaphore(value: 0).wait()
    fatalError("the profile run did not exit")
}

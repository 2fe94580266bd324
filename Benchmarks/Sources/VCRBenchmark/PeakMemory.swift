import Foundation
import VCRCassette

/// Peak resident memory of loading one cassette, measured in a child process
/// so that nothing else the benchmark did counts.
enum PeakMemory {
    /// The hidden subcommand the child runs.
    static let subcommand = "__peak-rss"

    /// What the child reports.
    struct Result {
        /// VmHWM before loading: the process's own baseline, in bytes.
        var baseline: Int
        /// VmHWM after loading, with the cassette still alive, in bytes.
        var peak: Int
    }

    /// Runs this executable again as `__peak-rss FILE` and reads its report.
    static func measure(file: URL) throws -> Result {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        child.arguments = [subcommand, file.path]
        let output = Pipe()
        child.standardOutput = output
        try child.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        child.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        var values: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2, let value = Int(parts[1]) { values[String(parts[0])] = value }
        }
        guard child.terminationStatus == 0, let baseline = values["baseline_bytes"], let peak = values["peak_bytes"]
        else {
            throw BenchmarkFailure("the peak-memory child failed (status \(child.terminationStatus)): \(text)")
        }
        return Result(baseline: baseline, peak: peak)
    }

    /// The child's work: load `path` with `Cassette(contentsOf:)` and print VmHWM before and after.
    static func runChild(path: String) -> Int32 {
        guard let baseline = highWaterMark() else {
            FileHandle.standardError.write(Data("cannot read VmHWM from /proc/self/status\n".utf8))
            return 1
        }
        do {
            let cassette = try Cassette(contentsOf: URL(fileURLWithPath: path))
            guard let peak = highWaterMark() else { return 1 }
            withExtendedLifetime(cassette) {
                print("interactions=\(cassette.interactions.count)")
            }
            print("baseline_bytes=\(baseline)")
            print("peak_bytes=\(peak)")
            return 0
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            return 1
        }
    }

    /// The process's peak resident set size (VmHWM), in bytes.
    private static func highWaterMark() -> Int? {
        guard let status = readProcFile("/proc/self/status") else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kilobytes = line.dropFirst("VmHWM:".count).split(whereSeparator: { $0 == " " || $0 == "\t" })
                .first.flatMap { Int($0) }
            return kilobytes.map { $0 * 1024 }
        }
        return nil
    }

    /// A /proc file's text; these report a size of 0, so they are read with read(2) to their end.
    private static func readProcFile(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 { return nil }
            if count == 0 { return String(decoding: bytes, as: UTF8.self) }
            bytes += chunk[..<count]
        }
    }
}

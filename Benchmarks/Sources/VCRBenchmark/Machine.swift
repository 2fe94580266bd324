import Foundation

/// A description of the machine a run happened on, for the report.
enum Machine {
    /// CPU model, core count, memory and kernel, in one line.
    static var summary: String {
        let cpuInfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model =
            cpuInfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        let memory = Double(ProcessInfo.processInfo.physicalMemory) / Double(1 << 30)
        let system = ProcessInfo.processInfo.operatingSystemVersionString
        return "\(model), \(ProcessInfo.processInfo.activeProcessorCount) cores, "
            + String(format: "%.0f GiB", memory) + ", \(system)"
    }

    /// The machine's CPU time so far, by kind, in clock ticks: the first line of `/proc/stat`.
    struct CPUTime {
        /// Ticks of every kind (user, nice, system, idle, iowait, irq, softirq, steal).
        var total = 0
        /// Ticks the hypervisor gave to other guests while this one wanted to run.
        var steal = 0

        /// The counts now; zero where `/proc/stat` cannot be read.
        static var now: CPUTime {
            let stat = (try? String(contentsOfFile: "/proc/stat", encoding: .utf8)) ?? ""
            let ticks = stat.prefix { $0 != "\n" }.split(separator: " ").dropFirst().compactMap { Int($0) }
            guard ticks.count >= 8 else { return CPUTime() }
            return CPUTime(total: ticks.prefix(8).reduce(0, +), steal: ticks[7])
        }

        /// The share of the time since `start` that was stolen, in percent; nil when nothing was counted.
        func stealPercent(since start: CPUTime) -> Double? {
            let total = total - start.total
            return total > 0 ? 100 * Double(steal - start.steal) / Double(total) : nil
        }
    }
}

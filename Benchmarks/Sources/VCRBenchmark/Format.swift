import Foundation

/// Number formats for the table and the `name=value` lines.
enum Format {
    /// One megabyte, as MB/s counts it: 10^6 bytes.
    static let megabyte = 1_000_000.0

    /// A duration in milliseconds.
    static func milliseconds(_ duration: Duration) -> String {
        String(format: "%.2f ms", duration.seconds * 1000)
    }

    /// A number with `digits` decimals.
    static func number(_ value: Double, digits: Int = 2) -> String {
        String(format: "%.\(digits)f", value)
    }

    /// Bytes in megabytes.
    static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / megabyte)
    }

    /// Throughput in MB/s for `bytes` handled in `duration`.
    static func throughput(_ bytes: Int, _ duration: Duration) -> String {
        String(format: "%.1f MB/s", Double(bytes) / megabyte / duration.seconds)
    }
}

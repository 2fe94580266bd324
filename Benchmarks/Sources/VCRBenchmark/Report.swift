import Foundation

/// The results of a run: table rows, then the headline `name=value` lines.
struct Report {
    /// One row of the table.
    struct Row {
        /// What was measured.
        var figure: String
        /// Our figure, with its unit.
        var ours: String
        /// The comparison's figure, with its unit and name.
        var baseline: String
        /// Time over time, as the target states it.
        var ratio: String
        /// The target, in words.
        var target: String
        /// Whether the target was met; nil when the row has no target.
        var isMet: Bool?
    }

    private(set) var rows: [Row] = []
    private(set) var headlines: [(name: String, value: String)] = []
    /// Lines printed under the table: the machine, the method, caveats.
    private(set) var notes: [String] = []

    mutating func add(_ row: Row) {
        rows.append(row)
    }

    mutating func headline(_ name: String, _ value: Double, digits: Int = 3) {
        headlines.append((name, Format.number(value, digits: digits)))
    }

    mutating func note(_ text: String) {
        notes.append(text)
    }

    /// The table, the notes, and the `name=value` lines last.
    func render() -> String {
        let header = ["figure", "ours", "baseline", "ratio", "target", "met?"]
        let cells = rows.map { row in
            [row.figure, row.ours, row.baseline, row.ratio, row.target, row.isMet.map { $0 ? "yes" : "NO" } ?? "-"]
        }
        let widths = header.indices.map { column in
            ([header] + cells).map { $0[column].count }.max() ?? 0
        }
        func line(_ values: [String]) -> String {
            zip(values, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        var lines = [line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        lines += cells.map(line)
        lines.append("")
        lines += notes.map { "- " + $0 }
        lines.append("")
        lines += headlines.map { "\($0.name)=\($0.value)" }
        return lines.joined(separator: "\n")
    }
}

/// A plain-text table with aligned columns, as `vcr show` prints it.
struct TextTable {
    /// How a column's cells line up.
    enum Alignment {
        /// Padded on the right.
        case left
        /// Padded on the left, for numbers.
        case right
    }

    /// A column's heading and alignment.
    struct Column {
        /// The heading printed in the first row.
        var heading: String
        /// How the column's cells line up.
        var alignment: Alignment
    }

    /// The columns, left to right.
    var columns: [Column]
    /// The rows under the headings; each has one cell per column.
    var rows: [[String]] = []

    /// The heading row and the rows, columns two spaces apart, each line without
    /// trailing spaces and ending in a line break. Widths count characters.
    var rendered: String {
        let lines = [columns.map(\.heading)] + rows
        let widths = columns.indices.map { column in
            lines.map { $0[column].count }.max() ?? 0
        }
        var text = ""
        for line in lines {
            var cells: [String] = []
            for (column, cell) in line.enumerated() {
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                cells.append(columns[column].alignment == .left ? cell + padding : padding + cell)
            }
            var joined = cells.joined(separator: "  ")
            while joined.last == " " { joined.removeLast() }
            text += joined + "\n"
        }
        return text
    }
}

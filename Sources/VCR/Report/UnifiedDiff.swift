/// A unified diff of two lists of lines (`-` the old side, `+` the new one),
/// trimmed to the changed hunks and their context.
enum UnifiedDiff {
    private enum Operation: Equatable {
        case keep
        case delete
        case insert
    }

    /// The edit distance beyond which the middle of the inputs is shown as
    /// replaced whole instead of searched for a shortest edit script.
    private static let maximumEditDistance = 1_000

    /// The diff text, or nil when the lines are equal.
    ///
    /// - Parameters:
    ///   - context: unchanged lines shown around each change.
    ///   - lineLimit: diff lines shown before the rest is summarised.
    static func text(
        old: [String], new: [String], oldLabel: String, newLabel: String, context: Int = 3, lineLimit: Int = 120
    ) -> String? {
        let operations = editScript(old, new)
        guard operations.contains(where: { $0 != .keep }) else { return nil }
        var output = ["--- \(oldLabel)", "+++ \(newLabel)"]
        var shown = 0
        var omitted = 0
        for hunk in hunks(of: operations, context: context) {
            var lines = ["@@ -\(range(hunk.oldStart, hunk.oldCount)) +\(range(hunk.newStart, hunk.newCount)) @@"]
            var oldIndex = hunk.oldStart
            var newIndex = hunk.newStart
            for operation in operations[hunk.operations] {
                switch operation {
                case .keep:
                    lines.append(" " + clipped(old[oldIndex]))
                    oldIndex += 1
                    newIndex += 1
                case .delete:
                    lines.append("-" + clipped(old[oldIndex]))
                    oldIndex += 1
                case .insert:
                    lines.append("+" + clipped(new[newIndex]))
                    newIndex += 1
                }
            }
            for line in lines {
                if shown < lineLimit {
                    output.append(line)
                    shown += 1
                } else {
                    omitted += 1
                }
            }
        }
        if omitted > 0 { output.append("… \(omitted) more diff lines") }
        return output.joined(separator: "\n")
    }

    /// The number of lines the two lists differ by (deleted plus inserted).
    static func changeCount(old: [String], new: [String]) -> Int {
        editScript(old, new).count { $0 != .keep }
    }

    private struct Hunk {
        var operations: Range<Int>
        var oldStart: Int
        var oldCount: Int
        var newStart: Int
        var newCount: Int
    }

    /// Groups the changes with `context` lines around them, merging groups whose context overlaps.
    private static func hunks(of operations: [Operation], context: Int) -> [Hunk] {
        var changed: [Int] = []
        for (offset, operation) in operations.enumerated() where operation != .keep {
            changed.append(offset)
        }
        var groups: [Range<Int>] = []
        for offset in changed {
            let lower = max(offset - context, 0)
            let upper = min(offset + context + 1, operations.count)
            if let last = groups.last, lower <= last.upperBound {
                groups[groups.count - 1] = last.lowerBound..<max(last.upperBound, upper)
            } else {
                groups.append(lower..<upper)
            }
        }
        var oldLine = 0
        var newLine = 0
        var position = 0
        var result: [Hunk] = []
        for group in groups {
            while position < group.lowerBound {
                advance(operations[position], &oldLine, &newLine)
                position += 1
            }
            let oldStart = oldLine
            let newStart = newLine
            while position < group.upperBound {
                advance(operations[position], &oldLine, &newLine)
                position += 1
            }
            result.append(
                Hunk(
                    operations: group, oldStart: oldStart, oldCount: oldLine - oldStart,
                    newStart: newStart, newCount: newLine - newStart))
        }
        return result
    }

    private static func advance(_ operation: Operation, _ oldLine: inout Int, _ newLine: inout Int) {
        if operation != .insert { oldLine += 1 }
        if operation != .delete { newLine += 1 }
    }

    /// A hunk range as `diff -u` writes it: 1-based start, count omitted when 1.
    private static func range(_ start: Int, _ count: Int) -> String {
        switch count {
        case 0: "\(start),0"
        case 1: "\(start + 1)"
        default: "\(start + 1),\(count)"
        }
    }

    private static func clipped(_ line: String) -> String {
        let limit = 400
        guard line.count > limit else { return line }
        return line.prefix(limit) + "… (\(line.count - limit) more characters)"
    }

    /// A shortest edit script (Myers' algorithm) after trimming the common prefix and suffix.
    private static func editScript(_ old: [String], _ new: [String]) -> [Operation] {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
            old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
        {
            suffix += 1
        }
        let middle = myers(Array(old[prefix..<(old.count - suffix)]), Array(new[prefix..<(new.count - suffix)]))
        return Array(repeating: .keep, count: prefix) + middle + Array(repeating: .keep, count: suffix)
    }

    private static func myers(_ old: [String], _ new: [String]) -> [Operation] {
        let n = old.count
        let m = new.count
        let replaceWhole = Array(repeating: Operation.delete, count: n) + Array(repeating: Operation.insert, count: m)
        guard n > 0, m > 0 else { return replaceWhole }
        let limit = min(n + m, maximumEditDistance)
        let offset = limit + 1
        var furthest = Array(repeating: 0, count: 2 * limit + 3)
        var trace: [[Int]] = []
        var distance: Int?
        search: for d in 0...limit {
            trace.append(furthest)
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && furthest[offset + k - 1] < furthest[offset + k + 1]) {
                    x = furthest[offset + k + 1]
                } else {
                    x = furthest[offset + k - 1] + 1
                }
                var y = x - k
                while x < n, y < m, old[x] == new[y] {
                    x += 1
                    y += 1
                }
                furthest[offset + k] = x
                if x >= n, y >= m {
                    distance = d
                    break search
                }
            }
        }
        guard let distance else { return replaceWhole }
        var operations: [Operation] = []
        var x = n
        var y = m
        for d in stride(from: distance, to: 0, by: -1) {
            let previous = trace[d]
            let k = x - y
            let previousK =
                (k == -d || (k != d && previous[offset + k - 1] < previous[offset + k + 1])) ? k + 1 : k - 1
            let previousX = previous[offset + previousK]
            let previousY = previousX - previousK
            while x > previousX, y > previousY {
                operations.append(.keep)
                x -= 1
                y -= 1
            }
            operations.append(x == previousX ? .insert : .delete)
            x = previousX
            y = previousY
        }
        while x > 0, y > 0 {
            operations.append(.keep)
            x -= 1
            y -= 1
        }
        return operations.reversed()
    }
}

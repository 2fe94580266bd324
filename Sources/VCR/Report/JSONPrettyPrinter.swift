/// Writes a ``JSONValue`` one member per line, keys sorted, two-space indent,
/// so that a line diff of two documents shows only their real differences.
enum JSONPrettyPrinter {
    /// The document's lines, without line terminators.
    static func lines(of value: JSONValue) -> [String] {
        var lines: [String] = []
        write(value, prefix: "", suffix: "", indent: "", into: &lines)
        return lines
    }

    private static func write(
        _ value: JSONValue, prefix: String, suffix: String, indent: String, into lines: inout [String]
    ) {
        switch value {
        case .array(let elements) where !elements.isEmpty:
            lines.append(indent + prefix + "[")
            for (offset, element) in elements.enumerated() {
                let comma = offset == elements.count - 1 ? "" : ","
                write(element, prefix: "", suffix: comma, indent: indent + "  ", into: &lines)
            }
            lines.append(indent + "]" + suffix)
        case .object(let members) where !members.isEmpty:
            lines.append(indent + prefix + "{")
            let keys = members.keys.sorted()
            for (offset, key) in keys.enumerated() {
                let comma = offset == keys.count - 1 ? "" : ","
                write(
                    members[key] ?? .null, prefix: JSONString.quoted(key) + ": ", suffix: comma, indent: indent + "  ",
                    into: &lines)
            }
            lines.append(indent + "}" + suffix)
        default:
            lines.append(indent + prefix + scalarText(value) + suffix)
        }
    }

    private static func scalarText(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number): number.description
        case .string(let text): JSONString.quoted(text)
        case .array: "[]"
        case .object: "{}"
        }
    }
}

import VCR

/// A JSON value whose objects keep their fields in the order given, rendered by hand
/// so that `vcr dump` prints fields in the cassette format's order, byte-stable.
enum JSONValue {
    /// A string.
    case string(String)
    /// An integer.
    case integer(Int64)
    /// `true` or `false`.
    case bool(Bool)
    /// An array.
    case array([JSONValue])
    /// An object whose fields are written in this order.
    case object([(key: String, value: JSONValue)])

    /// The value pretty-printed with two-space indentation, ending in a line break.
    var prettyPrinted: String {
        var text = ""
        write(to: &text, indentation: 0)
        text += "\n"
        return text
    }

    private func write(to text: inout String, indentation: Int) {
        switch self {
        case .string(let string):
            text += JSONString.quoted(string)
        case .integer(let integer):
            text += String(integer)
        case .bool(let bool):
            text += bool ? "true" : "false"
        case .array(let items):
            Self.writeContainer(items, open: "[", close: "]", to: &text, indentation: indentation) {
                item, text, indentation in
                item.write(to: &text, indentation: indentation)
            }
        case .object(let fields):
            Self.writeContainer(fields, open: "{", close: "}", to: &text, indentation: indentation) {
                field, text, indentation in
                text += JSONString.quoted(field.key) + ": "
                field.value.write(to: &text, indentation: indentation)
            }
        }
    }

    /// Writes `[]`/`{}` when empty, otherwise one element per line, indented two more spaces.
    private static func writeContainer<Element>(
        _ elements: [Element],
        open: String,
        close: String,
        to text: inout String,
        indentation: Int,
        writeElement: (Element, inout String, Int) -> Void
    ) {
        guard !elements.isEmpty else {
            text += open + close
            return
        }
        let inner = String(repeating: " ", count: indentation + 2)
        text += open + "\n"
        for (offset, element) in elements.enumerated() {
            text += inner
            writeElement(element, &text, indentation + 2)
            text += offset == elements.count - 1 ? "\n" : ",\n"
        }
        text += String(repeating: " ", count: indentation) + close
    }
}

/// A path to members of a JSON document, as accepted by ``Matcher/jsonBody(ignoring:)``.
///
/// Syntax: keys separated by dots, array positions in brackets, `*` for any
/// key or position, an optional leading `$`: `metadata.request_id`,
/// `$.messages[0].id`, `messages[*].id`, `tools.*.strict`, `["key.with.dots"]`.
struct JSONPath: Hashable, Sendable, CustomStringConvertible {
    enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
        case any
        /// Any position of an array, and nothing in an object (not written in text paths).
        case anyElement
    }

    let components: [Component]
    let description: String

    init(_ text: String) {
        description = text
        components = Self.components(of: Array(text.unicodeScalars))
    }

    /// A path made of `components`, shown as `description`.
    init(components: [Component], description: String) {
        self.components = components
        self.description = description
    }

    private static func components(of scalars: [Unicode.Scalar]) -> [Component] {
        var components: [Component] = []
        var index = 0
        if scalars.first == "$" { index = 1 }
        var key = String.UnicodeScalarView()
        func flushKey() {
            if !key.isEmpty { components.append(String(key) == "*" ? .any : .key(String(key))) }
            key = String.UnicodeScalarView()
        }
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case ".":
                flushKey()
                index += 1
            case "[":
                flushKey()
                let closing = scalars[index...].firstIndex(of: "]") ?? scalars.count
                let inside = String(String.UnicodeScalarView(scalars[(index + 1)..<closing]))
                if inside == "*" {
                    components.append(.any)
                } else if let position = Int(inside) {
                    components.append(.index(position))
                } else {
                    let quotes: Set<Character> = ["\"", "'"]
                    var unquoted = Substring(inside)
                    if let first = unquoted.first, quotes.contains(first), unquoted.last == first, unquoted.count >= 2 {
                        unquoted = unquoted.dropFirst().dropLast()
                    }
                    components.append(.key(String(unquoted)))
                }
                index = closing + 1
            default:
                key.append(scalar)
                index += 1
            }
        }
        flushKey()
        return components
    }

    /// The value with every member this path names removed.
    func removing(from value: JSONValue) -> JSONValue {
        Self.remove(components[...], from: value)
    }

    private static func remove(_ path: ArraySlice<Component>, from value: JSONValue) -> JSONValue {
        guard let first = path.first else { return value }
        let rest = path.dropFirst()
        switch (first, value) {
        case (.key(let key), .object(var members)):
            guard let member = members[key] else { return value }
            members[key] = rest.isEmpty ? nil : remove(rest, from: member)
            return .object(members)
        case (.any, .object(let members)):
            return .object(rest.isEmpty ? [:] : members.mapValues { remove(rest, from: $0) })
        case (.index(let position), .array(var elements)):
            guard elements.indices.contains(position) else { return value }
            if rest.isEmpty {
                elements.remove(at: position)
            } else {
                elements[position] = remove(rest, from: elements[position])
            }
            return .array(elements)
        case (.any, .array(let elements)), (.anyElement, .array(let elements)):
            return .array(rest.isEmpty ? [] : elements.map { remove(rest, from: $0) })
        default:
            return value
        }
    }
}

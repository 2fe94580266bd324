/// Building the errors the decoder throws, placed at an event's start.
extension CassetteDecoder {
    /// An error of `kind` at `event`.
    func failure(_ kind: CassetteError.Kind, at event: YAMLEvent, _ message: String) -> CassetteError {
        CassetteError(kind, path: events.path, line: event.line + 1, column: event.column + 1, message: message)
    }

    /// A node of the wrong type: "expected …, found a sequence".
    func mismatch(_ event: YAMLEvent, expected: String) -> CassetteError {
        failure(.unexpectedNode, at: event, "expected \(expected), found \(describe(event))")
    }

    /// A key given twice in one mapping, which yaml.v3 refuses.
    func duplicateKey(_ key: YAMLEvent, named name: String? = nil) -> CassetteError {
        let name = name ?? String(decoding: key.text, as: UTF8.self)
        return failure(.syntax, at: key, "found the key `\(name)` a second time in one mapping; expected each key once")
    }

    /// The event as the end of a message: "a sequence", "an empty value", "`abc`" (shortened to its first 40 characters).
    func describe(_ event: YAMLEvent) -> String {
        switch event.kind {
        case .scalar where event.isNull: return "an empty value"
        case .scalar where event.text.isEmpty: return "an empty string"
        case .scalar:
            let text = String(decoding: event.text, as: UTF8.self)
            let line = text.prefix { $0 != "\n" && $0 != "\r" }
            let excerpt = line.count > 40 || line.count < text.count ? "\(line.prefix(40))…" : line
            return "`\(excerpt)`"
        case .sequenceStart: return "a sequence"
        case .mappingStart: return "a mapping"
        case .sequenceEnd, .mappingEnd: return "the end of a collection"
        case .documentStart, .documentEnd: return "a document marker"
        case .streamStart, .streamEnd: return "the end of the file"
        }
    }
}

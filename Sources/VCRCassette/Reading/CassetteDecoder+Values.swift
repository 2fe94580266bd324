import Foundation

/// Reading typed field values; `field` names the field in errors, such as "`proto`".
extension CassetteDecoder {
    /// Reads a string; null is empty, `!!binary` is decoded (invalid UTF-8 becomes U+FFFD).
    mutating func decodeString(for field: @autoclosure () -> String) throws(CassetteError) -> String {
        let event = try events.next()
        guard event.kind == .scalar else { throw mismatch(event, expected: "a string for \(field())") }
        note(event, isMappingValue: true)
        return try string(of: event, for: field())
    }

    /// Reads a 64-bit integer; null is 0.
    mutating func decodeInteger(for field: @autoclosure () -> String) throws(CassetteError) -> Int64 {
        let event = try events.next()
        guard event.kind == .scalar else { throw mismatch(event, expected: "an integer for \(field())") }
        if event.isNull { return 0 }
        guard let value = ScalarText.integer(event.text) else {
            throw failure(.invalidValue, at: event, "expected an integer for \(field()), found \(describe(event))")
        }
        return value
    }

    /// Reads an integer; null is 0.
    mutating func decodeInt(for field: @autoclosure () -> String) throws(CassetteError) -> Int {
        Int(try decodeInteger(for: field()))
    }

    /// Reads a boolean; null is false.
    mutating func decodeBoolean(for field: @autoclosure () -> String) throws(CassetteError) -> Bool {
        let event = try events.next()
        guard event.kind == .scalar else { throw mismatch(event, expected: "`true` or `false` for \(field())") }
        if event.isNull { return false }
        guard let value = ScalarText.boolean(event.text) else {
            throw failure(
                .invalidValue, at: event, "expected `true` or `false` for \(field()), found \(describe(event))")
        }
        return value
    }

    /// Reads a Go duration string; null is zero.
    mutating func decodeDuration(for field: @autoclosure () -> String) throws(CassetteError) -> GoDuration {
        let event = try events.next()
        guard event.kind == .scalar else {
            throw mismatch(event, expected: "a Go duration such as `1.5s` for \(field())")
        }
        if event.isNull { return .zero }
        guard let duration = GoDuration(String(decoding: event.text, as: UTF8.self)) else {
            throw failure(
                .invalidValue, at: event,
                "expected a Go duration such as `1.5s` for \(field()), found \(describe(event))")
        }
        return duration
    }

    /// Reads a body: the scalar's bytes, or the bytes a `!!binary` scalar encodes; null is empty.
    /// Unless ``keepsBodies``, the body is checked and an empty one returned.
    mutating func decodeBody(for field: @autoclosure () -> String) throws(CassetteError) -> Data {
        let event = try events.next()
        guard event.kind == .scalar else { throw mismatch(event, expected: "a string or `!!binary` for \(field())") }
        if event.isBinary {
            let bytes = try binary(of: event, for: field())
            return keepsBodies ? bytes : Data()
        }
        note(event, isMappingValue: true)
        if event.isNull || event.text.isEmpty || !keepsBodies { return Data() }
        return Data(buffer: event.text)
    }

    /// Reads a sequence of strings; null is empty. With `header`, the values of
    /// the header of that name, which may not hold CR, LF or NUL.
    mutating func decodeStrings(for field: @autoclosure () -> String, header: String? = nil)
        throws(CassetteError) -> [String]
    {
        let event = try events.next()
        if event.isNull { return [] }
        guard event.kind == .sequenceStart else {
            throw mismatch(event, expected: "a sequence of strings for \(field())")
        }
        evidence.noteSequence(event, keyColumn: keyColumn)
        var values: [String] = []
        while true {
            let item = try events.next()
            if item.kind == .sequenceEnd { return values }
            guard item.kind == .scalar else { throw mismatch(item, expected: "a string in \(field())") }
            note(item)
            let value = try string(of: item, for: field())
            if let header, let found = HTTPFieldRules.forbiddenCharacter(in: value.utf8) {
                throw forbiddenCharacter(found, at: item, in: "a value of the header \(HTTPFieldRules.quoted(header))")
            }
            values.append(value)
        }
    }

    /// Reads a sequence of `<size>@<offset>` strings (``ChunkArrival``); null is empty.
    mutating func decodeChunkArrivals(for field: @autoclosure () -> String) throws(CassetteError) -> [ChunkArrival] {
        let event = try events.next()
        if event.isNull { return [] }
        guard event.kind == .sequenceStart else {
            throw mismatch(event, expected: "a sequence of `<size>@<duration>` strings for \(field())")
        }
        var arrivals: [ChunkArrival] = []
        while true {
            let item = try events.next()
            if item.kind == .sequenceEnd { return arrivals }
            guard item.kind == .scalar, !item.isBinary,
                let arrival = ChunkArrival(String(decoding: item.text, as: UTF8.self))
            else {
                throw failure(
                    .invalidValue, at: item,
                    "expected a byte count and a Go duration such as `31@12.5ms` in \(field()), found \(describe(item))"
                )
            }
            arrivals.append(arrival)
        }
    }

    /// Reads a mapping of names to sequences of strings (headers, trailer, form); null is empty.
    /// With `areHeaders`, names and values may not hold CR, LF or NUL.
    mutating func decodeFields(for field: @autoclosure () -> String, areHeaders: Bool = false)
        throws(CassetteError) -> [String: [String]]
    {
        let event = try events.next()
        if event.isNull { return [:] }
        guard event.kind == .mappingStart else {
            throw mismatch(event, expected: "a mapping of names to sequences of strings for \(field())")
        }
        var fields: [String: [String]] = [:]
        var previous: String?
        while true {
            let key = try events.next()
            if key.kind == .mappingEnd { return fields }
            guard key.kind == .scalar else { throw mismatch(key, expected: "a name in \(field())") }
            note(key, isKey: true)
            let name = try string(of: key, for: "a name in \(field())")
            if areHeaders, let found = HTTPFieldRules.forbiddenCharacter(in: name.utf8) {
                throw forbiddenCharacter(found, at: key, in: "the header name \(HTTPFieldRules.quoted(name))")
            }
            if let previous { evidence.noteKeyOrder(previous, name) }
            previous = name
            keyColumn = key.column
            let values = try decodeStrings(for: "`\(name)` in \(field())", header: areHeaders ? name : nil)
            guard fields.updateValue(values, forKey: name) == nil else { throw duplicateKey(key, named: name) }
        }
    }

    /// Reads a response's status code, which must be one HTTP has (100–599)
    /// when ``requiresServableResponses``.
    mutating func decodeStatusCode() throws(CassetteError) -> Int {
        let code = try decodeInt(for: "`code`")
        guard !requiresServableResponses || HTTPFieldRules.statusCodes.contains(code) else {
            let codes = HTTPFieldRules.statusCodes
            throw CassetteError(
                .invalidValue, path: events.path, line: events.lastLine + 1, column: events.lastColumn + 1,
                message: "found the status code \(code) for `code`; expected an HTTP status code "
                    + "from \(codes.lowerBound) to \(codes.upperBound)")
        }
        return code
    }

    /// A header name or value holding CR, LF or NUL, which no HTTP message can carry.
    private func forbiddenCharacter(_ found: String, at event: YAMLEvent, in place: String) -> CassetteError {
        failure(
            .invalidValue, at: event,
            "found \(found) in \(place); expected header names and values without CR, LF or NUL, "
                + "which no HTTP message can carry")
    }

    /// Gathers a string's ``LayoutEvidence``, with a literal block's header, for a
    /// mapping value its first empty line, and a double-quoted value's escapes, when they decide.
    private mutating func note(_ scalar: YAMLEvent, isKey: Bool = false, isMappingValue: Bool = false) {
        if isKey { evidence.noteKey(scalar) } else { evidence.noteScalar(scalar) }
        if evidence.needsLiteralHeader(for: scalar), let header = events.sourceBytes(of: scalar, length: 3) {
            evidence.noteLiteralHeader(header)
        }
        if isMappingValue, let probe = evidence.blankLineProbe(for: scalar),
            let source = events.sourceBytes(of: scalar, length: probe.length)
        {
            evidence.noteBlankLine(source, line: probe.line)
        }
        if !isKey, let spellings = evidence.escapeProbe(for: scalar),
            let source = events.sourceBytes(of: scalar, length: max(spellings.goccy.count, spellings.libyaml.count))
        {
            evidence.noteEscapes(source, goccy: spellings.goccy, libyaml: spellings.libyaml)
        }
    }

    /// Skips a value of any shape (an unknown key's), however large.
    mutating func skipValue() throws(CassetteError) {
        let event = try events.next()
        guard event.kind == .sequenceStart || event.kind == .mappingStart else { return }
        var open = 1
        while open > 0 {
            switch try events.next().kind {
            case .sequenceStart, .mappingStart: open += 1
            case .sequenceEnd, .mappingEnd: open -= 1
            default: break
            }
        }
    }

    /// A scalar's text; null is empty, `!!binary` is decoded (invalid UTF-8 becomes U+FFFD).
    private func string(of scalar: YAMLEvent, for field: @autoclosure () -> String) throws(CassetteError) -> String {
        if scalar.isBinary { return String(decoding: try binary(of: scalar, for: field()), as: UTF8.self) }
        if scalar.isNull { return "" }
        return String(decoding: scalar.text, as: UTF8.self)
    }

    /// The bytes a `!!binary` scalar's base64 text encodes.
    private func binary(of scalar: YAMLEvent, for field: @autoclosure () -> String) throws(CassetteError) -> Data {
        do throws(Base64.DecodingError) {
            return try Base64.decode(scalar.text)
        } catch {
            throw failure(
                .invalidValue, at: scalar,
                "expected base64 for the `!!binary` value of \(field()), found invalid base64: "
                    + "\(error.reason) (character \(error.offset + 1) of the value)")
        }
    }
}

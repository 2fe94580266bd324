import Foundation

/// Where new interactions go in a cassette file: after its last item, in the
/// column of its items.
enum AppendPoint {
    /// The column of the `-` of the top-level `interactions` items; nil when
    /// they are not a block sequence (`interactions: []`, null, or flow style).
    static func itemColumn(of yaml: Data, path: String) throws(CassetteError) -> Int? {
        let result = yaml.withUnsafeBytes { raw -> Result<Int?, CassetteError> in
            Result { () throws(CassetteError) in
                var events = try YAMLEventReader(input: .bytes(raw.assumingMemoryBound(to: UInt8.self)), path: path)
                return try itemColumn(in: &events)
            }
        }
        return try result.get()
    }

    private static func itemColumn(in events: inout YAMLEventReader) throws(CassetteError) -> Int? {
        guard try events.next().kind == .streamStart, try events.next().kind == .documentStart,
            try events.next().kind == .mappingStart
        else { return nil }
        while true {
            let key = try events.next()
            guard key.kind == .scalar else { return nil }
            if key.text.elementsEqual("interactions".utf8) {
                let value = try events.next()
                return value.kind == .sequenceStart && !value.isFlow ? value.column : nil
            }
            try skipValue(in: &events)
        }
    }

    private static func skipValue(in events: inout YAMLEventReader) throws(CassetteError) {
        var open = 0
        repeat {
            switch try events.next().kind {
            case .sequenceStart, .mappingStart: open += 1
            case .sequenceEnd, .mappingEnd: open -= 1
            case .streamEnd: return
            default: break
            }
        } while open > 0
    }

    /// Encoded items moved right or left so that their `-` is in `column`:
    /// each line that is not empty gains or loses the same spaces.
    static func shifted(_ bytes: [UInt8], to column: Int) -> [UInt8] {
        let current = bytes.prefix { $0 == UInt8(ascii: " ") }.count
        guard current != column else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + max(0, column - current) * 64)
        var lineStart = true
        var index = 0
        while index < bytes.count {
            if lineStart, bytes[index] != UInt8(ascii: "\n") {
                if column > current {
                    result.append(contentsOf: repeatElement(UInt8(ascii: " "), count: column - current))
                } else {
                    var removed = 0
                    while removed < current - column, index < bytes.count, bytes[index] == UInt8(ascii: " ") {
                        index += 1
                        removed += 1
                    }
                }
            }
            guard index < bytes.count else { break }
            result.append(bytes[index])
            lineStart = bytes[index] == UInt8(ascii: "\n")
            index += 1
        }
        return result
    }
}

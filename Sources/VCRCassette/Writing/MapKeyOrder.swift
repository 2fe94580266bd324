/// The order in which Go's YAML encoders write map keys (yaml.v3's `keyList.Less`).
///
/// Characters compare one by one; letters against letters by code point; a
/// letter against a non-letter puts the non-letter first, unless digits came
/// just before, then the letter; runs of digits compare as numbers; a prefix
/// sorts first.
enum MapKeyOrder {
    /// The keys of `map`, sorted.
    static func sortedKeys<Value>(_ map: [String: Value]) -> [String] {
        map.keys.map { (key: $0, scalars: Array($0.unicodeScalars)) }
            .sorted { precedes($0.scalars, $1.scalars) }
            .map(\.key)
    }

    static func precedes(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
        var digits = false
        for index in 0..<min(a.count, b.count) {
            if a[index] == b[index] {
                digits = isDigit(a[index])
                continue
            }
            let aLetter = isLetter(a[index])
            let bLetter = isLetter(b[index])
            if aLetter && bLetter { return a[index].value < b[index].value }
            if aLetter || bLetter { return digits ? aLetter : bLetter }
            var aNumber: Int64 = 0
            var bNumber: Int64 = 0
            if a[index] == "0" || b[index] == "0" {
                var previous = index - 1
                while previous >= 0 && isDigit(a[previous]) {
                    if a[previous] != "0" {
                        aNumber = 1
                        bNumber = 1
                        break
                    }
                    previous -= 1
                }
            }
            var aEnd = index
            while aEnd < a.count && isDigit(a[aEnd]) {
                aNumber = aNumber &* 10 &+ Int64(Int32(bitPattern: a[aEnd].value &- 48))
                aEnd += 1
            }
            var bEnd = index
            while bEnd < b.count && isDigit(b[bEnd]) {
                bNumber = bNumber &* 10 &+ Int64(Int32(bitPattern: b[bEnd].value &- 48))
                bEnd += 1
            }
            if aNumber != bNumber { return aNumber < bNumber }
            if aEnd != bEnd { return aEnd < bEnd }
            return a[index].value < b[index].value
        }
        return a.count < b.count
    }

    /// Go's `unicode.IsLetter`: general categories Lu, Ll, Lt, Lm, Lo.
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// Go's `unicode.IsDigit`: general category Nd.
    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .decimalNumber
    }
}

import Foundation

extension JSONValue {
    /// A 64-bit digest of the value that agrees with `==`: equal values have
    /// equal digests, whatever their key order or spelling.
    ///
    /// The index keys body classes by JSON value; `Hashable`'s own hash of a
    /// document hashes every string through Unicode normalisation and every
    /// dictionary member with a hasher of its own, which cost more than
    /// parsing the document. Here an ASCII string is folded byte by byte (for
    /// ASCII, equal strings have equal bytes), any other by its `String` hash,
    /// and an object's members are summed, so that their order does not count.
    var digest: UInt64 {
        switch self {
        case .null: return JSONDigester.null
        case .bool(let value): return JSONDigester.digest(of: value)
        case .number(let number):
            return number.digits.withUnsafeBufferPointer {
                JSONDigester.digest(ofNumber: number.isNegative, digits: $0, exponent: number.exponent)
            }
        case .string(let string): return JSONDigester.digest(of: string)
        case .array(let elements):
            let state = elements.reduce(JSONDigester.arrayStart) { JSONDigester.adding($1.digest, to: $0) }
            return JSONDigester.finishing(state, count: elements.count)
        case .object(let members):
            let sum = members.reduce(JSONDigester.objectStart) { sum, member in
                JSONDigester.adding(JSONDigester.digest(of: member.key), member.value.digest, to: sum)
            }
            return JSONDigester.finishing(sum, count: members.count)
        }
    }

    /// The ``digest`` of the document in `data`, read without building its
    /// value (no string, array or dictionary is made); nil when `data` is not
    /// exactly one JSON document, as ``JSONParser/parse(_:)`` says.
    ///
    /// An object that names a member twice keeps only its last value, which
    /// only the built value knows: such a document, or one whose names merely
    /// share a digest, is built after all.
    static func digest(ofDocument data: Data) -> UInt64? {
        let (digest, digester) = JSONParser.parse(data, with: JSONDigester())
        guard digester.repeatsName else { return digest }
        return JSONParser.parse(data)?.digest
    }
}

/// Computes a document's ``JSONValue/digest`` as a ``JSONParser`` reads it.
struct JSONDigester: JSONBuilder {
    /// The digests of the names of the objects being read, innermost last.
    private var names: [UInt64] = []
    /// Whether an object gave two of its members names with one digest.
    private(set) var repeatsName = false

    static let null: UInt64 = 0x6E75_6C6C
    static let arrayStart: UInt64 = 0x5B
    static let objectStart: UInt64 = 0x7B

    static func digest(of value: Bool) -> UInt64 {
        value ? 0x7472_7565 : 0x6661_6C73
    }

    /// A number's digest, from its digits as written or as ``JSONNumber`` keeps them.
    static func digest(ofNumber isNegative: Bool, digits: UnsafeBufferPointer<UInt8>, exponent: Int) -> UInt64 {
        let (significant, exponent) = JSONNumber.significant(digits, exponent: exponent)
        let state = fold(significant, into: isNegative && !significant.isEmpty ? 0x2D : 0x2B)
        return mix(state ^ UInt64(bitPattern: Int64(exponent)))
    }

    /// A string's digest, from its UTF-8 bytes: an ASCII string's folded, any
    /// other's `String` hash (which agrees with `String`'s `==`).
    static func digest(of bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var seen: UInt8 = 0
        let folded = fold(bytes[...], into: 0x22) { seen |= $0 }
        guard seen < 0x80 else {
            return mix(UInt64(bitPattern: Int64(String(decoding: bytes, as: UTF8.self).hashValue)))
        }
        return folded
    }

    /// A string's digest, read from its UTF-8 buffer, which takes a seventh
    /// of the instructions of stepping through its `UTF8View`.
    static func digest(of string: String) -> UInt64 {
        var string = string
        return string.withUTF8 { digest(of: $0) }
    }

    /// An array's running digest with one more element.
    static func adding(_ element: UInt64, to state: UInt64) -> UInt64 {
        mix(state &* 31 ^ element)
    }

    /// An object's running sum with one more member: a sum, so that the
    /// members' order does not count.
    static func adding(_ name: UInt64, _ value: UInt64, to sum: UInt64) -> UInt64 {
        sum &+ mix(name &* 31 ^ value)
    }

    /// The digest of an array or object from its running state and its count.
    static func finishing(_ state: UInt64, count: Int) -> UInt64 {
        mix(state ^ UInt64(count))
    }

    func null() -> UInt64 { Self.null }

    func bool(_ value: Bool) -> UInt64 { Self.digest(of: value) }

    func number(isNegative: Bool, digits: UnsafeBufferPointer<UInt8>, exponent: Int) -> UInt64 {
        Self.digest(ofNumber: isNegative, digits: digits, exponent: exponent)
    }

    func string(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 { Self.digest(of: bytes) }

    func key(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 { Self.digest(of: bytes) }

    func startArray() -> (state: UInt64, count: Int) { (Self.arrayStart, 0) }

    func append(_ element: UInt64, to array: inout (state: UInt64, count: Int)) {
        array = (Self.adding(element, to: array.state), array.count + 1)
    }

    func finish(_ array: (state: UInt64, count: Int)) -> UInt64 { Self.finishing(array.state, count: array.count) }

    /// The object's running sum, its member count, and where its names start in ``names``.
    func startObject() -> (sum: UInt64, count: Int, firstName: Int) { (Self.objectStart, 0, names.count) }

    mutating func add(_ key: UInt64, _ value: UInt64, to object: inout (sum: UInt64, count: Int, firstName: Int)) {
        names.append(key)
        object.sum = Self.adding(key, value, to: object.sum)
        object.count += 1
    }

    mutating func finish(_ object: (sum: UInt64, count: Int, firstName: Int)) -> UInt64 {
        if object.count > 1 {
            let repeats = names.withUnsafeMutableBufferPointer { names in
                var own = UnsafeMutableBufferPointer(rebasing: names[object.firstName...])
                own.sort()
                return zip(own, own.dropFirst()).contains { $0 == $1 }
            }
            repeatsName = repeatsName || repeats
        }
        names.removeLast(object.count)
        return Self.finishing(object.sum, count: object.count)
    }

    /// FNV-1a over `bytes`, starting from `seed`, then mixed.
    private static func fold(
        _ bytes: Slice<UnsafeBufferPointer<UInt8>>, into seed: UInt64, observing observe: (UInt8) -> Void = { _ in }
    ) -> UInt64 {
        var state = 0xCBF2_9CE4_8422_2325 ^ seed
        for byte in bytes {
            observe(byte)
            state = (state ^ UInt64(byte)) &* 0x100_0000_01B3
        }
        return mix(state)
    }

    /// SplitMix64's finaliser: spreads every input bit over the output.
    private static func mix(_ value: UInt64) -> UInt64 {
        var value = value
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

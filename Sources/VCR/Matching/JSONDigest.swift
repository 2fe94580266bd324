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
        case .null: return 0x6E75_6C6C
        case .bool(let value): return value ? 0x7472_7565 : 0x6661_6C73
        case .number(let number):
            var state = Self.fold(number.digits, into: number.isNegative ? 0x2D : 0x2B)
            state = Self.mix(state ^ UInt64(bitPattern: Int64(number.exponent)))
            return state
        case .string(let string): return Self.digest(of: string)
        case .array(let elements):
            return elements.reduce(Self.mix(0x5B ^ UInt64(elements.count))) { Self.mix($0 &* 31 ^ $1.digest) }
        case .object(let members):
            let sum = members.reduce(UInt64(0x7B)) { sum, member in
                sum &+ Self.mix(Self.digest(of: member.key) &* 31 ^ member.value.digest)
            }
            return Self.mix(sum ^ UInt64(members.count))
        }
    }

    /// An ASCII string's bytes are read from its UTF-8 buffer, which takes a
    /// seventh of the instructions of stepping through its `UTF8View`.
    private static func digest(of string: String) -> UInt64 {
        var isASCII = true
        var text = string
        let state = text.withUTF8 { fold($0, into: 0x22) { isASCII = isASCII && $0 < 0x80 } }
        return isASCII ? state : mix(UInt64(bitPattern: Int64(string.hashValue)))
    }

    /// FNV-1a over `bytes`, starting from `seed`, then mixed.
    private static func fold(
        _ bytes: some Sequence<UInt8>, into seed: UInt64, observing observe: (UInt8) -> Void = { _ in }
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

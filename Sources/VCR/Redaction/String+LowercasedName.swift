extension String {
    /// The name lowercased as `lowercased()` does, without allocating for an
    /// ASCII name of up to 15 bytes, the usual header name: `lowercased()`
    /// builds its result in heap storage whatever its length.
    var lowercasedName: String {
        let utf8 = utf8
        guard utf8.count <= 15, utf8.allSatisfy({ $0 < 0x80 }) else { return lowercased() }
        guard utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else { return self }
        return String(unsafeUninitializedCapacity: utf8.count) { buffer in
            for (offset, byte) in utf8.enumerated() {
                buffer[offset] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            }
            return utf8.count
        }
    }
}

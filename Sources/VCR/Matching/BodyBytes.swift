import Foundation

/// Body bytes as a dictionary key, hashed over every byte: `Data`'s own hash
/// reads only a prefix, which every request body of one API shares.
///
/// The bytes are digested once, when the key is made, sixteen at a time with
/// a multiply-and-fold step (the scheme of wyhash); the digest feeds the
/// dictionary's seeded `Hasher` and rules out most unequal keys before the
/// bytes are compared with `memcmp`.
struct BodyBytes: Hashable, Sendable {
    let data: Data
    /// A digest of every byte of ``data``.
    private let digest: UInt64

    init(_ data: Data) {
        self.data = data
        digest = data.withUnsafeBytes { Self.digest(of: $0) }
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(digest)
    }

    static func == (left: BodyBytes, right: BodyBytes) -> Bool {
        guard left.digest == right.digest, left.data.count == right.data.count else { return false }
        return left.data.withUnsafeBytes { leftBytes in
            right.data.withUnsafeBytes { rightBytes in
                guard let leftBase = leftBytes.baseAddress, let rightBase = rightBytes.baseAddress else { return true }
                return memcmp(leftBase, rightBase, leftBytes.count) == 0
            }
        }
    }

    private static let primes: (UInt64, UInt64, UInt64) = (
        0xA076_1D64_78BD_642F, 0xE703_7ED1_A0B4_28DB, 0x8EBC_6AF0_9C88_C6E3
    )

    /// Folds the bytes into 64 bits, reading them as little-endian words.
    private static func digest(of bytes: UnsafeRawBufferPointer) -> UInt64 {
        var state = primes.0 ^ UInt64(bytes.count)
        var offset = 0
        while offset + 16 <= bytes.count {
            let first = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            let second = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            state = fold(first ^ primes.1, second ^ state)
            offset += 16
        }
        var tail: (UInt64, UInt64) = (0, 0)
        for position in offset..<bytes.count {
            let shift = UInt64(8 * ((position - offset) % 8))
            if position - offset < 8 {
                tail.0 |= UInt64(bytes[position]) << shift
            } else {
                tail.1 |= UInt64(bytes[position]) << shift
            }
        }
        state = fold(tail.0 ^ primes.1, tail.1 ^ state)
        return fold(state ^ primes.2, UInt64(bytes.count) ^ primes.0)
    }

    /// The high and low halves of the 128-bit product, combined.
    private static func fold(_ left: UInt64, _ right: UInt64) -> UInt64 {
        let product = left.multipliedFullWidth(by: right)
        return product.high ^ product.low
    }
}

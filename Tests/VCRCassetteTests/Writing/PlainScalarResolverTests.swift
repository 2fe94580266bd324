import Testing

@testable import VCRCassette

@Suite struct PlainScalarResolverTests {
    /// Number and timestamp look-alikes built from every byte class must never trap.
    @Test func arbitraryBytesNeverTrap() {
        let alphabet = Array("0123456789+-:.,_TtZ xXoObBeE".utf8) + [0x00, 0x10, 0x1F, 0x7F, 0xC3, 0xA9, 0xFF]
        var state: UInt64 = 0x1234_5678
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        var quoted = 0
        for _ in 0..<100_000 {
            var text = Array("2025-".utf8).prefix(next() % 6)
            text.append(contentsOf: (0..<next() % 24).map { _ in alphabet[next() % alphabet.count] })
            if PlainScalarResolver.readsAsNonString(Array(text)) { quoted += 1 }
        }
        #expect(quoted > 0)
    }
}

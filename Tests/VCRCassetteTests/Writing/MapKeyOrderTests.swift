import Testing

@testable import VCRCassette

@Suite struct MapKeyOrderTests {
    @Test func sortsLikeGoYAML() {
        let keys = [
            "a-b", "X-Foo", "Accept-Encoding", "Accept", "X-10", "X-2", "x", "1", "-", "X-02", "Content-Type", "é", "Z",
        ]
        let map = Dictionary(uniqueKeysWithValues: keys.map { ($0, [String]()) })
        #expect(
            MapKeyOrder.sortedKeys(map) == [
                "-", "1", "Accept", "Accept-Encoding", "Content-Type", "X-2", "X-02", "X-10", "X-Foo", "Z", "a-b", "x",
                "é",
            ])
    }

    @Test func aLetterAfterDigitsSortsBeforeANonLetter() {
        #expect(MapKeyOrder.precedes(Array("1a".unicodeScalars), Array("1-".unicodeScalars)))
        #expect(MapKeyOrder.precedes(Array("a-".unicodeScalars), Array("ab".unicodeScalars)))
    }
}

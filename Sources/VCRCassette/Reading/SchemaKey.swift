/// The keys of one of the cassette's mappings (root, interaction, request, response).
///
/// Each case's raw value is the key as written in the file; the cases come in
/// the order go-vcr writes them.
protocol SchemaKey: RawRepresentable<String>, CaseIterable, Sendable where AllCases == [Self] {
    /// The keys' spellings, for matching scalar bytes.
    static var table: KeyTable<Self> { get }
}

/// The spellings of a ``SchemaKey`` type's cases as bytes, matched without creating strings.
struct KeyTable<Key: SchemaKey>: Sendable {
    private let keys: [Key]
    private let names: [[UInt8]]

    /// Builds the table from every case of `Key`.
    init() {
        keys = Key.allCases
        names = keys.map { Array($0.rawValue.utf8) }
    }

    /// The key spelled `text` and its position, trying the keys after `previous` first
    /// (files write keys in order, so the next one usually matches at once).
    func match(_ text: UnsafeBufferPointer<UInt8>, after previous: Int) -> (key: Key, index: Int)? {
        var index = previous
        for _ in 0..<names.count {
            index = index + 1 == names.count ? 0 : index + 1
            if names[index].withUnsafeBufferPointer({ Self.equal($0, text) }) {
                return (keys[index], index)
            }
        }
        return nil
    }

    private static func equal(_ name: UnsafeBufferPointer<UInt8>, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard name.count == text.count else { return false }
        for index in name.indices where name[index] != text[index] {
            return false
        }
        return true
    }
}

/// The keys met so far in one of the cassette's mappings: tells known keys from
/// unknown ones and refuses a key given twice, as yaml.v3 does.
struct MappingKeys<Key: SchemaKey> {
    /// What a key in the mapping is.
    enum Entry {
        /// A key of the schema.
        case field(Key)
        /// A key the schema does not know; its value is skipped.
        case unknown
    }

    private let table = Key.table
    private var seen: UInt64 = 0
    private var previous = -1
    /// The unknown keys met so far, kept so that one given twice is refused.
    private(set) var unknownNames = SpellingSet()

    /// Classifies the key spelled `text`; nil when the mapping already had it.
    mutating func entry(for text: UnsafeBufferPointer<UInt8>) -> Entry? {
        guard let (key, index) = table.match(text, after: previous) else {
            return unknownNames.insert(text) ? .unknown : nil
        }
        let bit: UInt64 = 1 << index
        guard seen & bit == 0 else { return nil }
        seen |= bit
        previous = index
        return .field(key)
    }
}

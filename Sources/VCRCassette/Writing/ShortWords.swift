/// A set of short words looked up by their bytes: a text longer than the
/// longest word is answered at once, not hashed byte by byte as a
/// `Set<[UInt8]>` alone would hash it to say no.
struct ShortWords {
    private let words: Set<[UInt8]>
    private let longest: Int

    init(_ words: [String]) {
        self.words = Set(words.map { Array($0.utf8) })
        longest = self.words.map(\.count).max() ?? 0
    }

    func contains(_ text: [UInt8]) -> Bool {
        text.count <= longest && words.contains(text)
    }
}

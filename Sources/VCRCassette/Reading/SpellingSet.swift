/// A set of byte strings, such as the unknown keys met in one mapping, where
/// adding one takes constant expected time however many there are.
///
/// The spellings are kept end to end in one buffer and found through an
/// open-addressing table of their indices. They are hashed with the standard
/// library's `Hasher`, seeded afresh in each process, so no file can choose
/// keys that all collide.
struct SpellingSet {
    private var storage: [UInt8] = []
    /// Where each spelling ends in `storage`; it starts where the previous one ends.
    private var ends: [Int] = []
    private var hashes: [Int] = []
    /// Each slot holds a spelling's index + 1, or 0 when empty; at most half are full.
    private var slots: [Int] = []
    /// The slots examined so far, in adding spellings and in growing the table:
    /// a measure of the work done, which grows linearly with the spellings added.
    private(set) var probes = 0

    /// The number of spellings in the set.
    var count: Int { ends.count }

    /// Adds `text`; false when the set already holds it.
    mutating func insert(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        if (ends.count + 1) * 2 > slots.count { grow() }
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(text))
        let hash = hasher.finalize()
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] != 0 {
            probes += 1
            let index = slots[slot] - 1
            if hashes[index] == hash, spelling(at: index).elementsEqual(text) { return false }
            slot = (slot + 1) & mask
        }
        probes += 1
        storage.append(contentsOf: text)
        ends.append(storage.count)
        hashes.append(hash)
        slots[slot] = ends.count
        return true
    }

    private func spelling(at index: Int) -> ArraySlice<UInt8> {
        storage[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
    }

    /// Doubles the table (to 16 slots at first) and places every spelling again.
    private mutating func grow() {
        slots = [Int](repeating: 0, count: max(16, slots.count * 2))
        let mask = slots.count - 1
        for (index, hash) in hashes.enumerated() {
            var slot = hash & mask
            probes += 1
            while slots[slot] != 0 {
                probes += 1
                slot = (slot + 1) & mask
            }
            slots[slot] = index + 1
        }
    }
}

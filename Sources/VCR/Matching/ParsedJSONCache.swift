import Foundation

/// A body's parsed JSON, worked out on first use and kept.
///
/// A recorded body belongs to an index that every request of a VCR reads, so
/// its cache takes a lock. A live request's body is prepared, matched and
/// explained on the one thread that resolves it, so its cache has no lock:
/// one small allocation per request instead of a lock's three.
final class ParsedJSONCache: @unchecked Sendable {
    // @unchecked: `parsed` is read and written under `lock` when there is one;
    // without one, the cache is confined to the thread that made it.
    private let lock: NSLock?
    /// Nil until asked for, `.some(nil)` for bytes that are not JSON.
    private var parsed: JSONValue??

    /// A cache for a body read by many threads (`isShared`) or by one.
    init(isShared: Bool) {
        lock = isShared ? NSLock() : nil
    }

    /// The parsed document of `bytes`, parsed on the first call; nil when they are not JSON.
    func value(of bytes: Data) -> JSONValue? {
        lock?.lock()
        defer { lock?.unlock() }
        if let parsed { return parsed }
        let value = bytes.isEmpty ? nil : JSONParser.parse(bytes)
        parsed = .some(value)
        return value
    }
}

import Foundation

/// A body's parsed JSON, worked out on first use and kept.
///
/// A recorded body belongs to an index that every request of a VCR reads, so
/// the cached value is always behind a lock.
final class ParsedJSONCache: Sendable {
    /// Nil until asked for, `.some(nil)` for bytes that are not JSON.
    private let parsed = Locked<JSONValue??>(nil)

    /// The parsed document of `bytes`, parsed on the first call; nil when they are not JSON.
    func value(of bytes: Data) -> JSONValue? {
        parsed.withLock { parsed in
            if let parsed { return parsed }
            let value = bytes.isEmpty ? nil : JSONParser.parse(bytes)
            parsed = .some(value)
            return value
        }
    }
}

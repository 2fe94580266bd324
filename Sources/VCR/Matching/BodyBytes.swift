import Foundation

/// Body bytes as a dictionary key, hashed over every byte: `Data`'s own hash
/// reads only a prefix, which every request body of one API shares.
struct BodyBytes: Hashable, Sendable {
    let data: Data

    init(_ data: Data) {
        self.data = data
    }

    func hash(into hasher: inout Hasher) {
        data.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}

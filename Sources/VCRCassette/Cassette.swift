import Foundation

/// A recorded HTTP conversation in go-vcr's `version: 2` format.
///
/// A cassette is a value: load one with ``init(contentsOf:)``, change its
/// ``interactions``, and save it with ``write(to:)``. A loaded cassette
/// remembers its ``layout``, so saving it again changes no byte.
public struct Cassette: Sendable, Hashable {
    /// The only format version this module reads and writes.
    public static let formatVersion = 2

    /// The recorded request/response pairs, in file order.
    public var interactions: [Interaction]

    /// How the YAML is laid out when the cassette is written.
    public var layout: CassetteLayout

    /// Creates a cassette from interactions; new cassettes use the compact layout.
    public init(interactions: [Interaction] = [], layout: CassetteLayout = .compact) {
        self.interactions = interactions
        self.layout = layout
    }
}

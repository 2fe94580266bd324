import Foundation

/// A cassette file with interactions added after its own, from
/// ``Cassette/appending(_:toFile:path:)``.
public struct AppendedCassette: Sendable {
    /// The file's new bytes.
    public let yaml: Data
    /// What the new bytes hold: the file's interactions, then the added ones.
    public let cassette: Cassette
    /// The added interactions as written, their ids continuing the file's.
    public let added: [Interaction]
    /// Whether ``yaml`` is the file's bytes unchanged followed by the added
    /// interactions; false when the file had to be written anew (see
    /// ``Cassette/appending(_:toFile:path:)``).
    public let keepsExistingBytes: Bool
}

extension Cassette {
    /// The bytes of the cassette file `yaml` with `interactions` added after
    /// its own, renumbered so that their ids continue the file's.
    ///
    /// Every existing byte stays as it is, hand-made comments, blank lines and
    /// styles included: the new interactions are encoded in the file's own
    /// ``layout`` and start in the column of its items, after a line break
    /// when the file does not end with one. The result is read back before it
    /// is returned; when the appended bytes would not read as the file's
    /// interactions followed by the new ones — the interactions are written in
    /// flow style (`interactions: []`) or are not the file's last key — the
    /// whole cassette is encoded anew in its layout instead, as go-vcr would
    /// write it.
    ///
    /// - Parameters:
    ///   - interactions: The interactions to add, in order; their ids are replaced.
    ///   - yaml: The cassette file's bytes as they are on disk.
    ///   - path: Names the file in errors.
    /// - Throws: ``CassetteError`` when `yaml` is not a cassette.
    public static func appending(
        _ interactions: [Interaction], toFile yaml: Data, path: String
    ) throws(CassetteError) -> AppendedCassette {
        let existing = try Cassette(yaml: yaml, path: path)
        let added = interactions.enumerated().map { offset, interaction in
            var numbered = interaction
            numbered.id = existing.interactions.count + offset
            return numbered
        }
        let whole = Cassette(interactions: existing.interactions + added, layout: existing.layout)
        if added.isEmpty {
            return AppendedCassette(yaml: yaml, cassette: whole, added: [], keepsExistingBytes: true)
        }
        if !existing.interactions.isEmpty, let column = try AppendPoint.itemColumn(of: yaml, path: path) {
            var appended = yaml
            if let last = yaml.last, last != UInt8(ascii: "\n"), last != UInt8(ascii: "\r") {
                appended.append(UInt8(ascii: "\n"))
            }
            appended.append(
                contentsOf: AppendPoint.shifted(
                    CassetteEncoder.encodeContinuation(added, layout: existing.layout), to: column))
            if (try? Cassette(yaml: appended, path: path))?.interactions == whole.interactions {
                return AppendedCassette(yaml: appended, cassette: whole, added: added, keepsExistingBytes: true)
            }
        }
        return AppendedCassette(yaml: whole.yaml(), cassette: whole, added: added, keepsExistingBytes: false)
    }
}

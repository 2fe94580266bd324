/// The YAML layout of a cassette file, as the two Go writers produce it.
///
/// Reading a cassette detects its layout; writing reproduces it byte for byte.
public struct CassetteLayout: Sendable, Hashable {
    /// How nested blocks are indented.
    public enum Indentation: String, Sendable, Hashable, CaseIterable {
        /// Two spaces; a sequence starts in its parent key's column
        /// (charmbracelet's x/vcr, go-vcr with a compact encoder).
        case compact
        /// Four spaces; sequences indented under their key
        /// (go-vcr's default `yaml.Marshal`).
        case indented
    }

    /// How nested blocks are indented.
    public var indentation: Indentation

    /// Whether empty optional fields are written (`trailer: {}`, `uncompressed: false`, …),
    /// as go-vcr 3.0 through 4.0.2 did. Newer go-vcr omits them.
    public var writesEmptyFields: Bool

    /// Creates a layout.
    public init(indentation: Indentation, writesEmptyFields: Bool = false) {
        self.indentation = indentation
        self.writesEmptyFields = writesEmptyFields
    }

    /// Two-space indentation with sequences in their key's column; the default for new cassettes.
    public static let compact = CassetteLayout(indentation: .compact)

    /// Four-space indentation with sequences indented under their key.
    public static let indented = CassetteLayout(indentation: .indented)
}

/// How a cassette file is written: which Go YAML writer's rules it follows, and
/// whether empty fields are written.
///
/// Reading a cassette detects its layout from the file; writing reproduces it byte for byte.
public struct CassetteLayout: Sendable, Hashable {
    /// The Go YAML writers whose output this module reproduces.
    public enum Style: String, Sendable, Hashable, CaseIterable {
        /// go.yaml.in/yaml/v4 v4.0.0-rc.3 with charmbracelet x/vcr's settings (x/vcr v0.1):
        /// two spaces, a sequence in its parent key's column, lines never folded.
        case compact
        /// gopkg.in/yaml.v3 `Marshal` (go-vcr's default): four spaces, sequences
        /// indented under their key, lines never folded.
        case indented
        /// go.yaml.in/yaml/v4 v4.0.0-rc.6 with x/vcr's settings (x/vcr's main branch):
        /// the compact layout, with long plain and quoted scalars folded after column 80.
        case folded
        /// github.com/goccy/go-yaml v1.18.0 `Marshal` (go-vcr v4.0.5): the compact
        /// layout, every string that needs quoting double-quoted with Go's escapes.
        case goccy
    }

    /// How nested blocks are indented.
    public enum Indentation: String, Sendable, Hashable, CaseIterable {
        /// Two spaces; a sequence starts in its parent key's column.
        case compact
        /// Four spaces; sequences indented under their key.
        case indented
    }

    /// The writer whose rules the cassette follows.
    public var style: Style

    /// Whether empty optional fields are written (`trailer: {}`, `uncompressed: false`, …),
    /// as go-vcr 3.0 through 4.0.2 did. Newer go-vcr omits them.
    public var writesEmptyFields: Bool

    /// Creates a layout.
    public init(style: Style, writesEmptyFields: Bool = false) {
        self.style = style
        self.writesEmptyFields = writesEmptyFields
    }

    /// Creates the layout of the writer without folding that has `indentation`:
    /// ``Style/compact`` or ``Style/indented``.
    public init(indentation: Indentation, writesEmptyFields: Bool = false) {
        self.init(style: indentation == .compact ? .compact : .indented, writesEmptyFields: writesEmptyFields)
    }

    /// How nested blocks are indented: four spaces for ``Style/indented``, two for the others.
    public var indentation: Indentation {
        style == .indented ? .indented : .compact
    }

    /// x/vcr v0.1 (yaml/v4 rc.3, two spaces, compact sequences); the default for new cassettes.
    public static let compact = CassetteLayout(style: .compact)

    /// go-vcr's yaml.v3 `Marshal`: four spaces, sequences indented under their key.
    public static let indented = CassetteLayout(style: .indented)

    /// x/vcr's main branch (yaml/v4 rc.6): compact, long scalars folded after column 80.
    public static let folded = CassetteLayout(style: .folded)

    /// go-vcr v4.0.5 (goccy/go-yaml v1.18.0): compact, strings that need quoting double-quoted.
    public static let goccy = CassetteLayout(style: .goccy)
}

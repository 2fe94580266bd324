/// When a piece of a streamed response body arrived while it was recorded,
/// so that replay can keep the stream's pace.
///
/// Written under the response's `x_chunks` key, one `<size>@<offset>` string
/// per piece (`- 31@12.5ms`): an extension of go-vcr's format that go-vcr
/// ignores when it reads the file (unknown keys are skipped) and drops when it
/// saves it.
public struct ChunkArrival: Sendable, Hashable, CustomStringConvertible {
    /// The piece's size in bytes.
    public var size: Int
    /// The time from sending the request to the piece's arrival.
    public var offset: GoDuration

    /// Creates an arrival.
    public init(size: Int, offset: GoDuration) {
        self.size = size
        self.offset = offset
    }

    /// Reads the `<size>@<offset>` form, such as `31@12.5ms`; nil for anything else.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let size = Int(parts[0]), size >= 0, let offset = GoDuration(parts[1]) else {
            return nil
        }
        self.init(size: size, offset: offset)
    }

    /// The `<size>@<offset>` form written in a cassette.
    public var description: String { "\(size)@\(offset)" }
}

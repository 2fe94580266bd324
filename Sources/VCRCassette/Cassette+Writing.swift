import Foundation

extension Cassette {
    /// The cassette as YAML bytes, exactly as go-vcr writes it in ``layout``.
    public func yaml() -> Data {
        Data(CassetteEncoder.encode(self))
    }

    /// Writes the cassette atomically, creating missing directories.
    ///
    /// The bytes go to a temporary file beside `url`, which then replaces it,
    /// so a reader never sees a half-written cassette and a failed write leaves
    /// the old file as it was.
    public func write(to url: URL) throws(CassetteError) {
        try AtomicFile.write(yaml(), to: url)
    }
}

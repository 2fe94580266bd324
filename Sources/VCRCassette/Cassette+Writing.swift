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
    /// the old file as it was. The write holds the file's lock
    /// (``CassetteFile/withLock(_:timeout:_:)``), removes temporary files an
    /// interrupted save left, keeps the old file's permissions, and through a
    /// symbolic link writes the link's target.
    public func write(to url: URL) throws(CassetteError) {
        try AtomicFile.write(yaml(), to: url)
    }
}

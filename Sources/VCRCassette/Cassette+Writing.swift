import Foundation

extension Cassette {
    /// The cassette as YAML bytes, exactly as go-vcr writes it in ``layout``.
    public func yaml() -> Data {
        fatalError("writer not written yet")  // STUB: replaced by the writer
    }

    /// Writes the cassette atomically, creating missing directories.
    public func write(to url: URL) throws(CassetteError) {
        fatalError("writer not written yet")  // STUB: replaced by the writer
    }
}

import VCR

/// What every connection of a cassette server shares: the VCR, how request
/// targets map to origins, the limits, and what is in progress.
struct ServedCassette: Sendable {
    let vcr: VCR
    let routes: OriginMap
    let configuration: CassetteServer.Configuration
    /// The responses being written or recorded, which closing waits for.
    let activity = Activity()
    /// The open connections, closed when the server closes.
    let connections = ConnectionRegistry()
}

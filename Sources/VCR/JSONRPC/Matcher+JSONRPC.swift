extension Matcher {
    /// JSON-RPC 2.0 bodies equal as JSON values, ignoring the `id` of the
    /// message, or of each message of a batch: JSON-RPC clients (MCP's among
    /// them) number or randomise their ids, so they differ on every run.
    ///
    /// Pair it with ``VCR/JSONRPCReplay/replaysLiveIDs``, which puts the live
    /// request's ids into the replayed response; ``VCR/Options/useJSONRPC()``
    /// sets up both.
    public static let jsonRPC = Matcher(
        name: "jsonRPC(ignoring: id)",
        rule: .jsonBody(ignoring: [
            JSONPath("id"), JSONPath(components: [.anyElement, .key("id")], description: "[*].id"),
        ]))
}

extension VCR.Options {
    /// Options for JSON-RPC 2.0 services, such as MCP servers: the defaults
    /// with ``useJSONRPC()`` applied.
    ///
    /// ```swift
    /// let vcr = try VCR(cassette: "Cassettes/mcp.yaml", options: .jsonRPC)
    /// ```
    public static var jsonRPC: Self {
        var options = Self()
        options.useJSONRPC()
        return options
    }

    /// Matches JSON-RPC 2.0 requests ignoring their ids and replays each
    /// response with the live request's id (single messages and batches, JSON
    /// and server-sent event responses).
    ///
    /// The body matchers (``Matcher/body``, ``Matcher/jsonBody(ignoring:)``)
    /// are replaced by ``Matcher/jsonRPC`` (added when there is none), and
    /// ``VCR/JSONRPCReplay/replaysLiveIDs`` is added to ``beforeReplay``.
    public mutating func useJSONRPC() {
        let bodyMatchers = matchers.indices.filter { matchers[$0].comparesBodies }
        if let first = bodyMatchers.first {
            matchers[first] = .jsonRPC
            for position in bodyMatchers.dropFirst().reversed() { matchers.remove(at: position) }
        } else {
            matchers.append(.jsonRPC)
        }
        beforeReplay.append(VCR.JSONRPCReplay.replaysLiveIDs)
    }
}

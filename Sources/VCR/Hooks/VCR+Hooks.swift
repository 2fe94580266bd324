import VCRCassette

extension VCR {
    /// Changes an interaction before it is recorded, or drops it (returns nil).
    ///
    /// Hooks run in ``Options/beforeRecord`` order on each interaction as its
    /// response completes, after redaction (``Options/redaction``, which is the
    /// first stage of the same pipeline) and before the cassette is scanned for
    /// secrets and saved. The interaction's `id` is assigned after the hooks.
    ///
    /// ```swift
    /// options.beforeRecord.append { interaction in
    ///     guard !interaction.request.url.hasSuffix("/health") else { return nil }  // not recorded
    ///     var changed = interaction
    ///     changed.response.body = Data(String(decoding: changed.response.body, as: UTF8.self)
    ///         .replacingOccurrences(of: sessionToken, with: "REDACTED").utf8)
    ///     return changed
    /// }
    /// ```
    public typealias RecordHook = @Sendable (_ interaction: Interaction) -> Interaction?

    /// Changes a recorded response before it is replayed to a live request.
    ///
    /// Hooks run in ``Options/beforeReplay`` order, each given the response as
    /// the previous hooks left it, the live request (as the code sent it, not
    /// redacted) and the interaction that answers it. A hook may change the
    /// status, the headers and the body. Body changes apply to the **whole
    /// body, before it is cut into chunks**: a streamed body is then cut at
    /// the event or line boundaries of the changed bytes, and paced (see
    /// ``Timing/realTime(speed:)``) in proportion to its recorded pieces.
    ///
    /// ```swift
    /// options.beforeReplay.append { response, request, interaction in
    ///     response.headers["Date"] = [Date().formatted(.iso8601)]
    ///     if request.headerValues("X-Simulate").first == "outage" {
    ///         response.code = 503
    ///         response.status = "503 Service Unavailable"
    ///     }
    /// }
    /// ```
    public typealias ReplayHook =
        @Sendable (
            _ response: inout RecordedResponse, _ request: InterceptedRequest, _ interaction: Interaction
        ) -> Void
}

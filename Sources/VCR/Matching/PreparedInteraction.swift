import VCRCassette

/// A recorded interaction, its request redacted, with its ``MatchSubject``.
struct PreparedInteraction: Sendable {
    let interaction: Interaction
    let subject: MatchSubject

    /// Prepares `interaction` to be matched by its request as `redact` leaves it.
    init(_ interaction: Interaction, redactedBy redact: (RecordedRequest) -> RecordedRequest, needs: MatchSubject.Needs)
    {
        var redacted = interaction
        redacted.request = redact(interaction.request)
        self.interaction = redacted
        subject = MatchSubject(
            method: redacted.request.method, url: redacted.request.url, headers: redacted.request.headers,
            body: redacted.request.body, needs: needs)
    }
}

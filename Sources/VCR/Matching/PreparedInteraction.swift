import VCRCassette

/// A recorded interaction with its ``MatchSubject``.
struct PreparedInteraction: Sendable {
    let interaction: Interaction
    let subject: MatchSubject

    init(_ interaction: Interaction, matchers: [Matcher]) {
        self.interaction = interaction
        let request = interaction.request
        subject = MatchSubject(
            method: request.method, url: request.url, headers: request.headers, body: request.body, matchers: matchers)
    }
}

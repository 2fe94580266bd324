import VCRCassette

/// A recorded interaction with its ``MatchSubject``.
struct PreparedInteraction: Sendable {
    let interaction: Interaction
    let subject: MatchSubject

    init(_ interaction: Interaction, needs: MatchSubject.Needs) {
        self.interaction = interaction
        let request = interaction.request
        subject = MatchSubject(
            method: request.method, url: request.url, headers: request.headers, body: request.body, needs: needs)
    }
}

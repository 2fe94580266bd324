import VCRCassette

/// The stages an interaction goes through before it is kept for the
/// cassette: redaction first, then the user's ``VCR/RecordHook``s, each one a
/// ``VCR/RecordHook`` itself.
struct RecordPipeline: Sendable {
    private let stages: [VCR.RecordHook]

    /// Redaction by `redaction`, then `hooks` in order.
    init(redaction: RedactionRules, hooks: [VCR.RecordHook]) {
        let redacting: VCR.RecordHook = { interaction in
            var redacted = interaction
            redacted.request = redaction.redact(interaction.request)
            redacted.response = redaction.redact(interaction.response)
            return redacted
        }
        stages = [redacting] + hooks
    }

    /// The interaction as it is recorded; nil when a stage dropped it.
    func process(_ interaction: Interaction) -> Interaction? {
        var current = interaction
        for stage in stages {
            guard let next = stage(current) else { return nil }
            current = next
        }
        return current
    }
}

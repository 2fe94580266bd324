import Foundation
import VCRCassette

/// The consumption state machine: which interaction answers a request, each
/// used once in file order (or again, with ``Options/allowsRepeats``), and what
/// happens to a request none answers.
extension VCR {
    /// What the interceptor does with a request.
    package enum Resolution: Sendable {
        /// Answer with this recorded interaction, the cassette's at `position`.
        case replay(Interaction, position: Int)
        /// Forward the request to the network and record what it receives.
        case record
        /// Send the request to the network untouched, without recording it (``Options/passthrough``).
        case passthrough
        /// Fail the request with this error.
        case failure(any Error)
    }

    /// The interaction that answers `request`, marked used as if a session had
    /// sent the request; nil when none does.
    ///
    /// It is the lookup every intercepted request goes through, for code that
    /// has a request in hand rather than a session: the first unused
    /// interaction that passes every matcher, in file order (or, with
    /// ``Options/allowsRepeats``, the last one used). A request nothing answers
    /// is reported as unmatched in ``stop()``'s report, as one sent through
    /// ``session`` would be; in a recording mode it is neither reported nor
    /// recorded; one ``Options/passthrough`` lets through gets nil and is
    /// listed as passed through. The request is redacted (``Options/redaction``)
    /// before matching.
    public func consumeInteraction(for request: InterceptedRequest) -> Interaction? {
        if case .replay(let interaction, _) = resolve(request) { return interaction }
        return nil
    }

    /// Finds the interaction that answers `request` and marks it used, or
    /// explains why none does.
    package func resolve(_ request: InterceptedRequest) -> Resolution {
        if records { state.withLock { $0.sawRequest = true } }
        if options.passthrough.lets(request) {
            let summary = "\(request.method) \(redaction.redact(request).url)"
            state.withLock { state in
                if !state.isStopped { state.passedThrough.append(summary) }
            }
            return .passthrough
        }
        let prepared = index.prepare(redaction.redact(request))
        guard let candidates = index.candidates(for: prepared) else { return unanswered(prepared, original: request) }
        let found =
            candidates.allMatch ? firstUnused(of: candidates) : firstUnusedMatch(prepared, of: candidates)
        if let position = found { return .replay(cassette.interactions[position], position: position) }
        if options.allowsRepeats, let position = lastServedMatch(prepared, of: candidates) {
            return .replay(cassette.interactions[position], position: position)
        }
        return unanswered(prepared, original: request)
    }

    /// The first unused position of a group whose every interaction matches,
    /// served; nil when all are used or the VCR is stopped.
    private func firstUnused(of candidates: InteractionIndex.Candidates) -> Int? {
        state.withLock { state in
            guard !state.isStopped else { return nil }
            let positions = candidates.positions
            let offset = state.firstUnusedOffset(group: candidates.group, positions: positions)
            guard offset < positions.count else { return nil }
            let position = positions[offset]
            state.serve(position)
            return position
        }
    }

    /// The first unused position of a group that passes every matcher, served;
    /// nil when none does or the VCR is stopped. Matchers, custom ones included,
    /// run outside the lock.
    private func firstUnusedMatch(_ request: PreparedRequest, of candidates: InteractionIndex.Candidates) -> Int? {
        let positions = candidates.positions
        var offset = state.withLock { $0.firstUnusedOffset(group: candidates.group, positions: positions) }
        while offset < positions.count {
            let position = positions[offset]
            offset += 1
            let (isUsed, isStopped) = state.withLock { ($0.isUsed(position), $0.isStopped) }
            if isStopped { return nil }
            guard !isUsed, index.matches(request, at: position) else { continue }
            let served = state.withLock { state in
                guard !state.isUsed(position), !state.isStopped else { return false }
                state.serve(position)
                return true
            }
            if served { return position }
        }
        return nil
    }

    /// Among the group's matching interactions, the one that answered a
    /// request last; marks it served again.
    private func lastServedMatch(_ request: PreparedRequest, of candidates: InteractionIndex.Candidates) -> Int? {
        let matching =
            candidates.allMatch ? candidates.positions : candidates.positions.filter { index.matches(request, at: $0) }
        return state.withLock { state in
            guard !state.isStopped,
                let position = matching.max(by: { state.lastServed[$0] < state.lastServed[$1] })
            else { return nil }
            state.serve(position)
            return position
        }
    }

    /// A request no interaction answers: recorded when the VCR records, a failure otherwise.
    private func unanswered(_ request: PreparedRequest, original: InterceptedRequest) -> Resolution {
        let (used, isStopped) = state.withLock { ($0.used, $0.isStopped) }
        if isStopped {
            return .failure(
                ReplayError.stopped(
                    request: "\(request.request.method) \(request.request.url)", cassettePath: cassettePath))
        }
        if records { return .record }
        let mask = MessageMask(
            replacedValues: redaction.replacedValues(in: original), placeholder: redaction.placeholder)
        let error = explainer.explain(request, used: used, mask: mask)
        state.withLock { $0.unmatchedRequests.append(error) }
        if options.printsMismatches {
            FileHandle.standardError.write(Data((error.description + "\n\n").utf8))
        }
        return .failure(error)
    }

    /// Records a request that failed before it could be matched.
    package func record(_ error: ReplayError) {
        state.withLock { state in
            state.failedRequests.append(error)
            state.sawRequest = true
        }
    }

    /// The response `interaction` replays to `request`, after ``Options/beforeReplay``.
    package func replayedResponse(of interaction: Interaction, to request: InterceptedRequest) -> RecordedResponse {
        var response = interaction.response
        for hook in options.beforeReplay { hook(&response, request, interaction) }
        return response
    }
}

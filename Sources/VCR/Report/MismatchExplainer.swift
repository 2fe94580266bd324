import Foundation

/// Builds the ``MismatchError`` for a request no interaction answered: ranks
/// the recorded interactions by how close they came, marks each matcher passed
/// or failed, diffs the bodies, and says how to record the request.
struct MismatchExplainer {
    /// How many recorded interactions a report shows.
    static let candidateLimit = 3

    let index: InteractionIndex
    let cassettePath: String

    private struct Evaluation {
        let position: Int
        let verdicts: [MatcherVerdict]
        var passedCount: Int { verdicts.count { $0.passed } }
        var passedAll: Bool { verdicts.allSatisfy(\.passed) }
    }

    /// Explains why `request` found no answer, given which interactions were
    /// already used; every text of the explanation passes through `mask`.
    func explain(_ request: PreparedRequest, used: [Bool], mask: MessageMask) -> MismatchError {
        let evaluations = index.interactions.indices.map { position in
            Evaluation(
                position: position,
                verdicts: index.matchers.enumerated().map { offset, matcher in
                    verdict(matcher, position: offset, request, index.interactions[position])
                })
        }
        let usedMatches = evaluations.filter { $0.passedAll && used[$0.position] }.map(\.position)
        let candidates = rank(evaluations, request: request, used: used).prefix(Self.candidateLimit).map {
            evaluation in
            MismatchError.Candidate(
                interaction: index.interactions[evaluation.position].interaction,
                verdicts: evaluation.verdicts.map {
                    MatcherVerdict(matcher: $0.matcher, passed: $0.passed, detail: mask.masked($0.detail))
                },
                isUsed: used[evaluation.position],
                bodyDiff: bodyDiff(request, position: evaluation.position, verdicts: evaluation.verdicts).map(
                    mask.masked))
        }
        let text = mask.masked(describe(request.request, candidates: candidates, usedMatches: usedMatches, used: used))
        return MismatchError(
            request: request.request, cassettePath: cassettePath, candidates: candidates,
            usedMatchIDs: usedMatches.map { index.interactions[$0].interaction.id }, description: text)
    }

    /// Most matchers passed first; among equals, the smallest body difference,
    /// then unused before used, then file order.
    private func rank(_ evaluations: [Evaluation], request: PreparedRequest, used: [Bool]) -> [Evaluation] {
        let byPasses = evaluations.sorted { a, b in
            if a.passedCount != b.passedCount { return a.passedCount > b.passedCount }
            if used[a.position] != used[b.position] { return !used[a.position] }
            return a.position < b.position
        }
        let shortlist = Array(byPasses.prefix(10))
        let distances = shortlist.map { evaluation in
            BodyDiff.changeCount(
                recorded: index.interactions[evaluation.position].subject.body, request: request.subject.body)
        }
        let order = shortlist.indices.sorted { left, right in
            let a = shortlist[left]
            let b = shortlist[right]
            if a.passedCount != b.passedCount { return a.passedCount > b.passedCount }
            if distances[left] != distances[right] { return distances[left] < distances[right] }
            if used[a.position] != used[b.position] { return !used[a.position] }
            return a.position < b.position
        }
        return order.map { shortlist[$0] }
    }

    private func verdict(
        _ matcher: Matcher, position: Int, _ request: PreparedRequest, _ recorded: PreparedInteraction
    ) -> MatcherVerdict {
        let passed = matcher.passes(request, recorded, position: position)
        guard !passed else { return MatcherVerdict(matcher: matcher.name, passed: true) }
        let live = request.subject
        let stored = recorded.subject
        let detail: String
        switch matcher.rule {
        case .method:
            detail = "cassette \(stored.method), request \(live.method)"
        case .url:
            detail = "cassette \(recorded.interaction.request.url), request \(request.request.url)"
        case .path:
            detail = "cassette \(stored.path), request \(live.path)"
        case .query:
            let missing = stored.queryItems.filter { !live.queryItems.contains($0) }
            let extra = live.queryItems.filter { !stored.queryItems.contains($0) }
            var parts: [String] = []
            if !missing.isEmpty { parts.append("only the cassette has \(missing.joined(separator: "&"))") }
            if !extra.isEmpty { parts.append("only the request has \(extra.joined(separator: "&"))") }
            detail = parts.isEmpty ? "repeated items differ in number" : parts.joined(separator: "; ")
        case .headers(let names):
            detail = names.compactMap { name in
                let old = stored.headers.normalizedValues(name)
                let new = live.headers.normalizedValues(name)
                guard old != new else { return nil }
                let shownOld = RequestSummary.shown(old, of: name)
                let shownNew = RequestSummary.shown(new, of: name)
                return "\(name): cassette \(Self.list(shownOld)), request \(Self.list(shownNew))"
            }.joined(separator: "; ")
        case .body, .jsonBody:
            if stored.body?.bytes.isEmpty ?? true {
                detail = "the cassette's request has no body, this request has \(live.body?.bytes.count ?? 0) bytes"
            } else {
                detail = "the bodies differ, see the diff below"
            }
        case .custom:
            detail = "returned false"
        }
        return MatcherVerdict(matcher: matcher.name, passed: false, detail: detail)
    }

    private static func list(_ values: [String]) -> String {
        values.isEmpty ? "(none)" : "[" + values.joined(separator: ", ") + "]"
    }

    /// The body diff for the first failed body matcher, ignoring what a
    /// ``Matcher/jsonBody(ignoring:)`` matcher ignores.
    private func bodyDiff(_ request: PreparedRequest, position: Int, verdicts: [MatcherVerdict]) -> String? {
        let recorded = index.interactions[position]
        for (offset, matcher) in index.matchers.enumerated() where !verdicts[offset].passed {
            switch matcher.rule {
            case .body:
                return BodyDiff.explain(
                    recorded: recorded.subject.body, request: request.subject.body,
                    interactionID: recorded.interaction.id)
            case .jsonBody:
                return BodyDiff.explain(
                    recorded: recorded.subject.body, request: request.subject.body,
                    recordedJSON: recorded.subject.jsonWithoutIgnoredMembers[offset],
                    requestJSON: request.subject.jsonWithoutIgnoredMembers[offset],
                    interactionID: recorded.interaction.id)
            default:
                continue
            }
        }
        return nil
    }

    private func describe(
        _ request: InterceptedRequest, candidates: [MismatchError.Candidate], usedMatches: [Int], used: [Bool]
    ) -> String {
        var lines = ["VCR: no recorded interaction matches \(request.method) \(request.url)", "", "Request:"]
        lines += RequestSummary.lines(of: request).map { "  " + $0 }
        lines.append("")
        if let first = usedMatches.first {
            let ids = usedMatches.map { "#\(index.interactions[$0].interaction.id)" }.joined(separator: ", ")
            let subject = usedMatches.count == 1 ? "Interaction \(ids) matches" : "Interactions \(ids) match"
            lines.append(
                "\(subject) this request but \(usedMatches.count == 1 ? "was" : "were") already used by earlier requests: "
                    + "each recorded interaction answers one request, in file order, and this request was sent "
                    + "more times than when the cassette was recorded. To answer repeats with the last used match "
                    + "(#\(index.interactions[usedMatches.last ?? first].interaction.id)), set VCR.Options.allowsRepeats "
                    + "(vcr serve --allow-repeats); to record the extra request, see below.")
            lines.append("")
        }
        let unused = used.count { !$0 }
        if candidates.isEmpty {
            lines.append("The cassette \(cassettePath) has no interactions.")
        } else {
            let count = index.interactions.count
            lines.append(
                "Closest recorded interactions in \(cassettePath) "
                    + "(\(count) interaction\(count == 1 ? "" : "s"), \(unused) unused):")
            for candidate in candidates {
                let recorded = candidate.interaction.request
                lines.append("")
                lines.append(
                    "  #\(candidate.interaction.id) \(recorded.method) \(recorded.url)"
                        + (candidate.isUsed ? " (already used)" : " (unused)"))
                lines += candidate.verdicts.map { "     \($0)" }
                if let diff = candidate.bodyDiff {
                    lines += diff.split(separator: "\n", omittingEmptySubsequences: false).map { "       " + $0 }
                }
            }
        }
        lines.append("")
        if let (id, names) = idOnlyDifference(request, candidates: candidates) {
            let fields = names.map { "`\($0)`" }.joined(separator: ", ")
            let paths = names.map { "\"\($0)\"" }.joined(separator: ", ")
            lines.append(
                "The body differs from #\(id) only in id-like fields (\(fields)), which the client draws anew on "
                    + "every run: recording again (\(VCR.Mode.environmentVariable)=new_episodes) would not make it match. "
                    + "Ignore them when matching, e.g. .jsonBody(ignoring: [\(paths)]) in place of .body; for "
                    + "JSON-RPC 2.0 (MCP), options.useJSONRPC() also replays each response with the live request's id.")
        } else {
            lines.append(
                "To record it, run again with \(VCR.Mode.environmentVariable)=new_episodes: the request and its response are "
                    + "added to \(cassettePath) (\(VCR.Mode.environmentVariable)=all records the whole cassette anew).")
        }
        return lines.joined(separator: "\n")
    }

    /// The first candidate that fails only body matchers and whose body differs
    /// from the request's only in id-like members: its id and those members' names.
    private func idOnlyDifference(
        _ request: InterceptedRequest, candidates: [MismatchError.Candidate]
    ) -> (id: Int, names: [String])? {
        guard let body = request.body else { return nil }
        for candidate in candidates {
            let failed = zip(index.matchers, candidate.verdicts).filter { !$1.passed }.map(\.0)
            guard !failed.isEmpty, failed.allSatisfy(\.comparesBodies) else { continue }
            if let names = IDOnlyDifference.names(recorded: candidate.interaction.request.body, request: body) {
                return (candidate.interaction.id, names)
            }
        }
        return nil
    }
}

import Foundation
import VCRCassette

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Replays every recorded request of a cassette through URLSession and
/// compares what arrives with the recording; the engine of `vcr check`.
///
/// Each request is rebuilt from the cassette (method, URL, headers, body) and
/// sent twice, in file order, each time through a fresh VCR: once through a
/// data delegate, once through `data(for:)`. Status, headers and body bytes
/// must equal the recording, and on the delegate path a streamed body must
/// arrive in more than one chunk. Both paths refuse redirects, so each hop of a
/// recorded redirect chain is checked as recorded, on its own.
package enum ReplayCheck {
    /// How a check sends a request and reads its response.
    package enum Path: String, Sendable, CaseIterable {
        /// A data task on a session with a `URLSessionDataDelegate`, read chunk by chunk.
        case dataDelegate = "data delegate"
        /// `URLSession.data(for:)`, read whole.
        case dataFor = "data(for:)"
    }

    /// An interaction that did not replay as recorded.
    package struct Failure: Sendable, CustomStringConvertible {
        /// The interaction's id.
        package let interactionID: Int
        /// The recorded method and URL.
        package let request: String
        /// The path that went wrong.
        package let path: Path
        /// What differed.
        package let problems: [String]

        /// `#1 POST https://… (data delegate): status 500, recorded 200`.
        package var description: String {
            MessageMask.masked("#\(interactionID) \(request) (\(path.rawValue)): \(problems.joined(separator: "; "))")
        }
    }

    /// The outcome for one cassette.
    package struct Outcome: Sendable {
        /// The number of interactions in the cassette.
        package let interactionCount: Int
        /// What went wrong, interaction by interaction.
        package let failures: [Failure]

        /// Creates an outcome.
        package init(interactionCount: Int, failures: [Failure]) {
            self.interactionCount = interactionCount
            self.failures = failures
        }

        /// The number of interactions that replayed as recorded on every path.
        package var passedCount: Int { interactionCount - failedCount }
        /// The number of interactions that failed on some path.
        package var failedCount: Int { Set(failures.map(\.interactionID)).count }
    }

    /// Checks a cassette; `path` names it in mismatch reports.
    package static func run(_ cassette: Cassette, path: String) async -> Outcome {
        var failures: [Failure] = []
        for checkPath in Path.allCases {
            let options = VCR.Options(printsMismatches: false)
            let vcr = VCR(cassette: cassette, path: path, options: options)
            let session = URLSession(
                configuration: vcr.makeConfiguration(), delegate: RedirectRefusal(), delegateQueue: nil)
            for interaction in cassette.interactions {
                let problems = await problems(replaying: interaction, through: vcr, session: session, on: checkPath)
                if !problems.isEmpty {
                    failures.append(
                        Failure(
                            interactionID: interaction.id,
                            request: "\(interaction.request.method) \(interaction.request.url)",
                            path: checkPath, problems: problems))
                }
            }
            session.finishTasksAndInvalidate()
            vcr.stop()
        }
        failures.sort {
            ($0.interactionID, $0.path == .dataFor ? 1 : 0) < ($1.interactionID, $1.path == .dataFor ? 1 : 0)
        }
        return Outcome(interactionCount: cassette.interactions.count, failures: failures)
    }

    /// What differs when `interaction`'s request goes through `vcr`: on the
    /// delegate path through a session of its own, else through `session`.
    private static func problems(
        replaying interaction: Interaction, through vcr: VCR, session: URLSession, on path: Path
    ) async -> [String] {
        guard let request = request(for: interaction.request) else {
            return ["the recorded URL `\(interaction.request.url)` is not a valid URL"]
        }
        let response: HTTPURLResponse?
        let body: Data
        var chunkCount = 1
        switch path {
        case .dataDelegate:
            let collected = await ChunkCollector.collect(request, configuration: vcr.makeConfiguration())
            if let error = collected.error { return [failure(error)] }
            response = collected.response
            body = collected.chunks.reduce(Data(), +)
            chunkCount = collected.chunks.count
        case .dataFor:
            do {
                let (data, received) = try await session.data(for: request)
                response = received as? HTTPURLResponse
                body = data
            } catch {
                return [failure(error)]
            }
        }
        guard let response else { return ["no HTTP response arrived"] }
        let recorded = interaction.response
        var problems: [String] = []
        if response.statusCode != recorded.code {
            problems.append("status \(response.statusCode), recorded \(recorded.code)")
        }
        problems += headerProblems(response, recorded)
        if body != recorded.body {
            let common = zip(body, recorded.body).prefix { $0 == $1 }.count
            problems.append(
                "body of \(body.count) bytes, recorded \(recorded.body.count) bytes, first difference at byte \(common)"
            )
        }
        if path == .dataDelegate, StreamFormat(of: recorded) != .whole, recorded.body.count > 1, chunkCount < 2 {
            problems.append("a streamed body arrived in \(chunkCount) chunk\(chunkCount == 1 ? "" : "s")")
        }
        return problems
    }

    private static func headerProblems(_ response: HTTPURLResponse, _ recorded: RecordedResponse) -> [String] {
        let expected = recorded.joinedHeaderFields
        var problems: [String] = []
        for name in expected.keys.sorted() {
            let value = response.value(forHTTPHeaderField: name)
            if value != expected[name] {
                problems.append(
                    "header \(name): \(value.map { "`\($0)`" } ?? "missing"), recorded `\(expected[name] ?? "")`")
            }
        }
        if response.allHeaderFields.count != expected.count {
            problems.append("\(response.allHeaderFields.count) header fields, recorded \(expected.count)")
        }
        return problems
    }

    /// The first line of an error's description; for a mismatch, the failed
    /// matchers of the closest interaction too.
    private static func failure(_ error: any Error) -> String {
        let text = error is MismatchError || error is ReplayError ? "\(error)" : error.localizedDescription
        var line = "the request failed: " + (text.split(separator: "\n").first.map(String.init) ?? text)
        if let mismatch = error as? MismatchError, let closest = mismatch.candidates.first {
            let failed = closest.verdicts.filter { !$0.passed }.map(\.description)
            line += " (closest: #\(closest.interaction.id), \(failed.joined(separator: ", ")))"
        }
        return line
    }

    /// The request a recorded request describes: method, URL, headers, body.
    static func request(for recorded: RecordedRequest) -> URLRequest? {
        guard let url = URL(string: recorded.url) else { return nil }
        var request = URLRequest(url: url)
        request.httpMethod = recorded.method
        for name in recorded.headers.keys.sorted() {
            for value in recorded.headers[name] ?? [] { request.addValue(value, forHTTPHeaderField: name) }
        }
        if !recorded.body.isEmpty { request.httpBody = recorded.body }
        return request
    }
}

import Foundation
import VCRCassette

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Answers a program's URLSession requests from a cassette, and records the
/// requests it cannot answer when its ``Mode`` allows.
///
/// Hand ``session`` to the code under test, or prepare the configuration of
/// the code's own sessions with ``configure(_:)``, then ``stop()`` the VCR and
/// check its report:
///
/// ```swift
/// let vcr = try VCR(cassette: "Cassettes/chat.yaml")
/// let (data, response) = try await vcr.session.data(for: request)
/// try vcr.stop().check()
/// ```
///
/// Each interaction answers one request: the first unused interaction that
/// passes every matcher, in file order, so identical requests receive their
/// recorded responses in sequence. A request nothing answers fails with a
/// ``MismatchError`` that explains the closest recorded interactions.
///
/// ## Recording
///
/// The mode comes from the `VCR_RECORD` environment variable unless the code
/// passes one (see ``Mode``); unset, nothing is recorded, which is what CI wants.
/// A request to be recorded is forwarded through an inner URLSession; its
/// response streams to the caller as it arrives while its bytes are captured,
/// and an error of the real request reaches the caller unchanged and is not
/// recorded. A caller that cancels before the response ended gets its
/// cancellation at once, while the response is still read to its end and
/// recorded whole. Interactions are redacted (``Options/redaction``) as they are
/// recorded; ``stop()`` saves the cassette atomically, unless it still
/// contains the value of a secret-looking environment variable.
///
/// Several VCRs can be live at once (tests running in parallel): each session
/// sees only its own VCR's cassette. A VCR stays alive until it is stopped, so
/// always call ``stop()`` when the code under test is done.
///
/// ## Why not `URLProtocol.registerClass`
///
/// On Linux, `URLProtocol.registerClass` does not reach sessions made from
/// the `.default` or `.ephemeral` configurations, and reaches
/// `URLSession.shared` only when called before any session exists. A VCR
/// therefore puts its interceptor first in a configuration's
/// `protocolClasses`, the one place every platform honours.
public final class VCR: Sendable {
    /// The environment variable that sets ``Options/upstream`` when the options do not.
    public static let upstreamEnvironmentVariable = "VCR_RECORD_UPSTREAM"

    /// The cassette file's path, named in reports; recordings are saved there.
    public let cassettePath: String
    /// What the VCR does with requests the cassette cannot answer.
    public let mode: Mode
    /// How requests are matched and responses delivered.
    public let options: Options
    /// A session whose requests this VCR answers. It has no delegate, so its
    /// callers receive whole bodies; for chunk-by-chunk delivery, create a
    /// session with a data delegate from ``makeConfiguration()``.
    public let session: URLSession

    /// Identifies this VCR; its interceptor class is ``ReplayProtocol/slotClass(_:)`` of it.
    let slot: Int
    /// The interceptor class the configurations this VCR prepares list first.
    private let protocolClass: ReplayProtocol.Type
    /// The cassette as loaded, written back first when recordings are appended.
    let cassette: Cassette
    private let index: InteractionIndex
    private let explainer: MismatchExplainer
    private let state: Locked<ReplayState>
    /// The redaction rules, applied to what is recorded, matched and reported.
    let redaction: RedactionRules
    /// Redaction, then ``Options/beforeRecord``: what a recorded interaction goes through.
    private let recordPipeline: RecordPipeline
    /// Whether requests no interaction answers are forwarded and recorded.
    private let records: Bool
    /// How ``stop()`` saves what was recorded.
    private let saving: CassetteSave
    /// Where recorded requests are sent: ``Options/upstream``, else `VCR_RECORD_UPSTREAM`.
    package let upstream: URL?
    private let forwarder = Forwarder()

    /// Loads the cassette at `path` (relative to the current directory, or absolute).
    ///
    /// - Parameters:
    ///   - path: The cassette file, read when it exists; recordings are saved there.
    ///   - mode: What to do with requests the cassette cannot answer; by
    ///     default the mode `VCR_RECORD` names (``Mode/never`` when unset).
    ///   - options: How requests are matched, responses delivered and recordings redacted.
    /// - Throws: `CassetteError` when the file cannot be read (a missing file
    ///   is an error only in ``Mode/never``), is a FIFO, socket or device, or holds
    ///   a response no HTTP response can carry (a `code` outside 100–599, CR, LF
    ///   or NUL in a header); ``InvalidModeError`` when `VCR_RECORD` names no mode.
    public convenience init(cassette path: String, mode: Mode? = nil, options: Options = Options()) throws {
        try self.init(cassette: URL(fileURLWithPath: path), mode: mode, options: options)
    }

    /// Loads the cassette at a file URL.
    ///
    /// - Parameters:
    ///   - url: The cassette file, read when it exists; recordings are saved there.
    ///   - mode: What to do with requests the cassette cannot answer; by
    ///     default the mode `VCR_RECORD` names (``Mode/never`` when unset).
    ///   - options: How requests are matched, responses delivered and recordings redacted.
    /// - Throws: `CassetteError` when the file cannot be read (a missing file
    ///   is an error only in ``Mode/never``), is a FIFO, socket or device, or holds
    ///   a response no HTTP response can carry (a `code` outside 100–599, CR, LF
    ///   or NUL in a header); ``InvalidModeError`` when `VCR_RECORD` names no mode.
    public convenience init(cassette url: URL, mode: Mode? = nil, options: Options = Options()) throws {
        let environment = Self.openingEnvironment
        let chosen = try mode ?? Mode(environment: environment)
        try CassetteFileType.refuseSpecialFile(at: url.path)
        let exists = FileManager.default.fileExists(atPath: url.path)
        let cassette: Cassette
        let opened = CassetteSave.fingerprint(at: url.path, mode: chosen)
        if chosen == .never {
            guard exists else { throw Self.missingCassette(at: url.path) }
            cassette = try Cassette(contentsOf: url, requiringServableResponses: true)
        } else if chosen == .all {
            let layout = exists ? (try? Cassette(contentsOf: url))?.layout : nil
            cassette = Cassette(layout: layout ?? .compact)
        } else {
            cassette = exists ? try Cassette(contentsOf: url, requiringServableResponses: true) : Cassette()
        }
        self.init(
            cassette: cassette, path: url.path, mode: chosen, options: options,
            records: chosen != .never && (chosen != .missing || !exists), existed: exists, opened: opened,
            environment: environment)
    }

    /// The variables a VCR reads when it opens, looked up one by one:
    /// `ProcessInfo.processInfo.environment` copies every variable of the
    /// process, which cost more than loading a small cassette.
    private static var openingEnvironment: [String: String] {
        var variables: [String: String] = [:]
        for name in [Mode.environmentVariable, upstreamEnvironmentVariable] {
            if let value = getenv(name) { variables[name] = String(cString: value) }
        }
        return variables
    }

    /// The error for a cassette to replay that does not exist: says how to record it.
    private static func missingCassette(at path: String) -> CassetteError {
        CassetteError(
            .io, path: path,
            message: "no cassette here to replay; to record it, run again with \(Mode.environmentVariable)=missing")
    }

    /// Replays a cassette already in memory; `path` names it in reports, and
    /// recordings are saved there.
    ///
    /// The mode is ``Mode/never`` unless given: an in-memory cassette is usually
    /// built by the test itself. In ``Mode/missing`` it is recorded when no
    /// file exists at `path`; in ``Mode/all`` its interactions are ignored.
    public convenience init(cassette: Cassette, path: String, mode: Mode = .never, options: Options = Options()) {
        let exists = FileManager.default.fileExists(atPath: path)
        let records = mode != .never && (mode != .missing || !exists)
        self.init(
            cassette: mode == .all ? Cassette(layout: cassette.layout) : cassette, path: path, mode: mode,
            options: options, records: records, existed: exists, opened: CassetteSave.fingerprint(at: path, mode: mode),
            environment: Self.openingEnvironment)
    }

    private init(
        cassette: Cassette, path: String, mode: Mode, options: Options, records: Bool, existed: Bool,
        opened: CassetteSave.Fingerprint?, environment: [String: String]
    ) {
        slot = VCRRegistry.shared.reserveSlot()
        protocolClass = ReplayProtocol.slotClass(slot)
        self.cassettePath = path
        self.mode = mode
        self.options = options
        self.cassette = cassette
        self.records = records
        upstream = options.upstream ?? environment[Self.upstreamEnvironmentVariable].flatMap(URL.init(string:))
        redaction = RedactionRules(options.redaction)
        saving = CassetteSave(
            path: path, mode: mode, records: records, layout: cassette.layout, existed: existed, opened: opened,
            scansEnvironment: redaction.scansEnvironment)
        recordPipeline = RecordPipeline(redaction: redaction, hooks: options.beforeRecord)
        let redaction = redaction
        let interactions = cassette.interactions.map { interaction in
            var matched = interaction
            matched.request = redaction.redact(interaction.request)
            return matched
        }
        index = InteractionIndex(interactions: interactions, matchers: options.matchers)
        explainer = MismatchExplainer(index: index, cassettePath: path)
        state = Locked(ReplayState(interactionCount: cassette.interactions.count, groupCount: index.groupCount))
        let configuration = SessionTemplate.shared.configuration()
        Self.configure(configuration, with: protocolClass)
        session = URLSession(configuration: configuration)
        VCRRegistry.shared.register(self)
    }

    deinit {
        VCRRegistry.shared.unregister(slot: slot)
        // The last reference may be released on the session's own work queue,
        // inside the interceptor; invalidating synchronously there would deadlock.
        let session = session
        DispatchQueue.global().async { session.invalidateAndCancel() }
        forwarder.invalidate()
    }

    /// Prepares a configuration so that its sessions' requests are answered by
    /// this VCR: puts this VCR's interceptor first in `protocolClasses`, in
    /// place of any other VCR's. Use it for code that creates its own sessions,
    /// with its own delegate.
    public func configure(_ configuration: URLSessionConfiguration) {
        Self.configure(configuration, with: protocolClass)
    }

    /// A new ephemeral configuration prepared with ``configure(_:)``.
    public func makeConfiguration() -> URLSessionConfiguration {
        let configuration = URLSessionConfiguration.ephemeral
        configure(configuration)
        return configuration
    }

    private static func configure(_ configuration: URLSessionConfiguration, with protocolClass: ReplayProtocol.Type) {
        let others = (configuration.protocolClasses ?? []).filter { !($0 is ReplayProtocol.Type) }
        configuration.protocolClasses = [protocolClass] + others
    }

    /// Ends the replay: later requests fail with ``ReplayError/stopped(request:cassettePath:)``,
    /// and the report lists the requests that were not answered and the
    /// interactions that were not used. Calling it again returns the same report.
    ///
    /// When the VCR records, the cassette is saved here, atomically, if anything
    /// was recorded, whether or not the test passed: under the file's lock,
    /// the recorded interactions are appended after what is on disk now, every
    /// existing byte kept (see the README's "Nothing lost" for the whole rule, ``Mode/all``
    /// included). A line on standard error tells where it was saved; a refused
    /// or failed save, a recording VCR that saw no request, and an ``Mode/all``
    /// recording kept from the file because a request failed are in
    /// ``ReplayReport/saveErrors``.
    ///
    /// Responses still being recorded, such as streams the client stopped
    /// reading early, are waited for first, up to
    /// ``Options/inFlightRecordingTimeout``; one still going then is saved with
    /// what had arrived, named on standard error and in
    /// ``ReplayReport/cutShortRecordings``. Do not call it from a URLSession
    /// callback, where the recordings it waits for cannot progress.
    @discardableResult
    public func stop() -> ReplayReport {
        waitForRecordings()
        let report = state.withLock { state in
            if let report = state.finalReport { return report }
            let cutShort = keepCutShortRecordings(&state)
            let saved = saving.run(state)
            let report = ReplayReport(
                cassettePath: cassettePath,
                interactionCount: cassette.interactions.count,
                servedCount: state.servedCount,
                unmatchedRequests: state.unmatchedRequests,
                failedRequests: state.failedRequests,
                unusedInteractions: cassette.interactions.indices.filter { !state.isUsed($0) }.map {
                    cassette.interactions[$0]
                },
                recordedInteractions: saved.recorded,
                cutShortRecordings: cutShort,
                passedThroughRequests: state.passedThrough,
                isSaved: saved.isSaved,
                saveErrors: saved.errors)
            state.finalReport = report
            return report
        }
        forwarder.invalidate()
        VCRRegistry.shared.release(slot: slot)
        return report
    }

    /// Refuses new recordings, then waits, up to ``Options/inFlightRecordingTimeout``,
    /// for the responses still being recorded to end.
    private func waitForRecordings() {
        let drained = DispatchSemaphore(value: 0)
        let waits = state.withLock { state in
            state.isStopping = true
            guard state.finalReport == nil, !state.inFlight.isEmpty else { return false }
            state.inFlightWaiters.append(drained)
            return true
        }
        guard waits else { return }
        let (seconds, attoseconds) = options.inFlightRecordingTimeout.components
        let nanoseconds = max(0, min(seconds, 1_000_000_000)) * 1_000_000_000 + attoseconds / 1_000_000_000
        _ = drained.wait(timeout: .now() + .nanoseconds(Int(nanoseconds)))
    }

    /// Keeps what has arrived of the responses still in flight, after the
    /// recorded ones, and says so on standard error; returns them as the report lists them.
    private func keepCutShortRecordings(_ state: inout ReplayState) -> [CutShortRecording] {
        guard !state.inFlight.isEmpty else { return [] }
        let cutShort = state.inFlight.sorted { $0.key < $1.key }.map { _, recording in
            let request = redaction.redact(RecordedExchange.request(recording.request))
            guard let received = recording.exchange.received(),
                var interaction = recordPipeline.process(
                    Interaction(id: 0, request: RecordedExchange.request(recording.request), response: received))
            else {
                return CutShortRecording(method: request.method, url: request.url, interaction: nil)
            }
            interaction.id = cassette.interactions.count + state.recorded.count
            state.recorded.append(interaction)
            return CutShortRecording(method: request.method, url: request.url, interaction: interaction)
        }
        state.inFlight = [:]
        let lines =
            ["VCR: \(cutShort.count) response\(cutShort.count == 1 ? " was" : "s were") still arriving when \(cassettePath) "
                + "was saved, \(options.inFlightRecordingTimeout) after stop(); raise VCR.Options.inFlightRecordingTimeout "
                + "to wait longer:"] + cutShort.map { "  \($0)" }
        FileHandle.standardError.write(Data((MessageMask.masked(lines.joined(separator: "\n")) + "\n").utf8))
        return cutShort
    }

    /// What the interceptor does with a request.
    package enum Resolution: Sendable {
        /// Answer with this recorded interaction.
        case replay(Interaction)
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
        if case .replay(let interaction) = resolve(request) { return interaction }
        return nil
    }

    /// Finds the interaction that answers `request` and marks it used, or
    /// explains why none does.
    package func resolve(_ request: InterceptedRequest) -> Resolution {
        if records { state.withLock { $0.sawRequest = true } }
        if options.passthrough.lets(request) {
            let summary = "\(request.method) \(redaction.redact(request).url)"
            state.withLock { state in
                if state.finalReport == nil { state.passedThrough.append(summary) }
            }
            return .passthrough
        }
        let prepared = index.prepare(redaction.redact(request))
        guard let candidates = index.candidates(for: prepared) else { return unanswered(prepared, original: request) }
        let found =
            candidates.allMatch ? firstUnused(of: candidates) : firstUnusedMatch(prepared, of: candidates)
        if let position = found { return .replay(cassette.interactions[position]) }
        if options.allowsRepeats, let position = lastServedMatch(prepared, of: candidates) {
            return .replay(cassette.interactions[position])
        }
        return unanswered(prepared, original: request)
    }

    /// The first unused position of a group whose every interaction matches,
    /// served; nil when all are used or the VCR is stopped. The group's
    /// positions are read only when its first one is used.
    private func firstUnused(of candidates: InteractionIndex.Candidates) -> Int? {
        state.withLock { state in
            guard state.finalReport == nil else { return nil }
            if !state.isUsed(candidates.first) {
                state.serve(candidates.first)
                return candidates.first
            }
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
            let (isUsed, isStopped) = state.withLock { ($0.isUsed(position), $0.finalReport != nil) }
            if isStopped { return nil }
            guard !isUsed, index.matches(request, at: position) else { continue }
            let served = state.withLock { state in
                guard !state.isUsed(position), state.finalReport == nil else { return false }
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
            guard state.finalReport == nil,
                let position = matching.max(by: { state.lastServed[$0] < state.lastServed[$1] })
            else { return nil }
            state.serve(position)
            return position
        }
    }

    /// A request no interaction answers: recorded when the VCR records, a failure otherwise.
    private func unanswered(_ request: PreparedRequest, original: InterceptedRequest) -> Resolution {
        let (used, isStopped) = state.withLock { ($0.used, $0.finalReport != nil) }
        if isStopped {
            return .failure(
                ReplayError.stopped(
                    request: "\(request.request.method) \(request.request.url)", cassettePath: cassettePath))
        }
        if records { return .record }
        let mask = MessageMask(replacedValues: redaction.replacedValues(in: original), placeholder: redaction.placeholder)
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

    /// Starts recording `request`, whose response goes to `client` as it
    /// arrives (chunk by chunk when `chunked`), and is kept when it ends, even
    /// after the client went away; nil when the VCR is stopping.
    ///
    /// The request is forwarded from a queue of Dispatch's own: starting a task
    /// of another session from a session's work queue would wait on a queue
    /// FoundationNetworking's sessions share.
    package func startRecording(
        _ request: InterceptedRequest, url: URL, timeout: TimeInterval, chunked: Bool, client: LiveExchange.Client
    ) -> LiveExchange? {
        let exchange: LiveExchange? = state.withLock { state in
            guard !state.isStopping, state.finalReport == nil else { return nil }
            let number = state.startedRecordings
            state.startedRecordings += 1
            let exchange = LiveExchange(url: url, chunked: chunked, client: client) { [weak self] result in
                self?.finishRecording(number, request, result)
            }
            state.inFlight[number] = InFlightRecording(request: request, exchange: exchange)
            return exchange
        }
        if let exchange {
            DispatchQueue.global().async { self.forward(request, timeout: timeout, to: exchange) }
        }
        return exchange
    }

    /// Sends a request ``Options/passthrough`` lets through to the network as
    /// it is, to its own URL; its response goes to `client` and is not
    /// recorded. Nil when the VCR is stopping.
    package func startPassthrough(
        _ request: InterceptedRequest, url: URL, timeout: TimeInterval, chunked: Bool, client: LiveExchange.Client
    ) -> LiveExchange? {
        guard state.withLock({ !$0.isStopping && $0.finalReport == nil }) else { return nil }
        let exchange = LiveExchange(url: url, chunked: chunked, client: client) { _ in }
        DispatchQueue.global().async { self.forward(request, timeout: timeout, untouched: true, to: exchange) }
        return exchange
    }

    /// Forwards `request`, as the interceptor read it, to the network with the
    /// caller's timeout; `exchange` passes the response on (and records it
    /// when recording). A request let through (`untouched`) goes to its own
    /// URL, never to ``Options/upstream``.
    private func forward(
        _ request: InterceptedRequest, timeout: TimeInterval, untouched: Bool = false, to exchange: LiveExchange
    ) {
        guard let url = URL(string: request.url).flatMap({ untouched ? $0 : forwardingURL($0) }) else {
            exchange.complete(with: URLError(.badURL))
            return
        }
        var forwarded = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData)
        // Set through the property: FoundationNetworking ignores a timeout given
        // to the initializer and applies its session's 60 s instead.
        forwarded.timeoutInterval = timeout
        forwarded.httpMethod = request.method
        for (name, values) in request.headers {
            for value in values { forwarded.addValue(value, forHTTPHeaderField: name) }
        }
        forwarded.httpBody = request.body
        forwarder.start(forwarded, reportingTo: exchange)
    }

    /// The URL a request is sent to: its own, or moved to ``Options/upstream``.
    private func forwardingURL(_ url: URL) -> URL? {
        guard let upstream, var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url }
        let base = URLComponents(url: upstream, resolvingAgainstBaseURL: false)
        components.scheme = base?.scheme
        components.host = base?.host
        components.port = base?.port
        let prefix = base?.percentEncodedPath ?? ""
        components.percentEncodedPath = (prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix) + components.percentEncodedPath
        return components.url
    }

    /// The response of recording `number` ended: a whole response is kept,
    /// redacted and passed through ``Options/beforeRecord``, numbered after
    /// the others; a failed request, or one a hook drops, is not. One that
    /// ends after ``stop()`` saved what had arrived of it is dropped.
    private func finishRecording(
        _ number: Int, _ request: InterceptedRequest, _ result: Result<RecordedResponse, any Error>
    ) {
        let recorded = (try? result.get()).flatMap { response in
            recordPipeline.process(Interaction(id: 0, request: RecordedExchange.request(request), response: response))
        }
        let failure = Self.describeFailure(of: request, result, redaction: redaction)
        let waiters = state.withLock { state -> [DispatchSemaphore] in
            guard state.inFlight.removeValue(forKey: number) != nil else { return [] }
            if var interaction = recorded {
                interaction.id = cassette.interactions.count + state.recorded.count
                state.recorded.append(interaction)
            }
            if let failure { state.failedRecordings.append(failure) }
            guard state.inFlight.isEmpty else { return [] }
            defer { state.inFlightWaiters = [] }
            return state.inFlightWaiters
        }
        for waiter in waiters { waiter.signal() }
    }

    /// A forwarded request that failed, redacted, with its error, for the report;
    /// nil when it did not fail.
    private static func describeFailure(
        of request: InterceptedRequest, _ result: Result<RecordedResponse, any Error>, redaction: RedactionRules
    ) -> String? {
        guard case .failure(let error) = result else { return nil }
        let url = redaction.redact(RecordedExchange.request(request)).url
        // The error's description, not the error: its user info holds the URL unredacted.
        let reason =
            (error as? URLError).map { "URLError \($0.code.rawValue), \($0.localizedDescription)" } ?? error.localizedDescription
        return "\(request.method) \(url): \(reason)"
    }

    /// The response `interaction` replays to `request`, after ``Options/beforeReplay``.
    package func replayedResponse(of interaction: Interaction, to request: InterceptedRequest) -> RecordedResponse {
        var response = interaction.response
        for hook in options.beforeReplay { hook(&response, request, interaction) }
        return response
    }
}

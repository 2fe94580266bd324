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
    ///
    /// Made on first use: code that makes its own sessions, and a cassette
    /// server, never pay for it.
    public var session: URLSession {
        ownSession.withLock { session in
            if let session { return session }
            let made = URLSession(configuration: makeConfiguration())
            session = made
            return made
        }
    }

    /// Identifies this VCR; its interceptor class is ``ReplayProtocol/slotClass(_:)`` of it.
    let slot: Int
    /// The cassette as loaded, written back first when recordings are appended.
    let cassette: Cassette
    /// The cassette's interactions, redacted, indexed for matching.
    let index: InteractionIndex
    /// Explains the requests no interaction answers.
    let explainer: MismatchExplainer
    /// What changes while the VCR replays and records.
    let state: Locked<ReplayState>
    /// The `HTTPURLResponse`s replayed responses start with, kept where an interaction answers again.
    let heads: ReplayHeads
    /// The redaction rules, applied to what is recorded, matched and reported.
    let redaction: RedactionRules
    /// Redaction, then ``Options/beforeRecord``: what a recorded interaction goes through.
    let recordPipeline: RecordPipeline
    /// Whether requests no interaction answers are forwarded and recorded
    /// (``Mode/records(cassetteExists:)``).
    let records: Bool
    /// How ``stop()`` saves what was recorded.
    let saving: CassetteSave
    /// Held for the whole of ``stop()``, so that a second call waits for the first's report.
    let stopping = Locked(())
    /// Where recorded requests are sent: ``Options/upstream``, else `VCR_RECORD_UPSTREAM`.
    package let upstream: URL?
    /// The inner session recorded and passed-through requests are sent through.
    let forwarder = Forwarder()
    /// ``session``, once made.
    private let ownSession = Locked<URLSession?>(nil)

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
        let path = url.path
        let cassette: Cassette
        let exists: Bool
        if chosen == .all {
            // The file is replaced, not replayed: what is no regular file, which
            // the recording would be saved over, is refused here.
            try CassetteFileType.refuseSpecialFile(at: path)
            exists = FileManager.default.fileExists(atPath: path)
            let layout = exists ? (try? Cassette(contentsOfFile: path, requiringServableResponses: false))?.layout : nil
            cassette = Cassette(layout: layout ?? .compact)
        } else {
            (cassette, exists) = try Self.replayedCassette(at: path, mode: chosen)
        }
        let opened = CassetteSave.fingerprint(at: path, mode: chosen)
        self.init(
            cassette: cassette, path: path, mode: chosen, options: options, existed: exists, opened: opened,
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

    /// The cassette at `path`, read to be replayed, and whether it exists: an
    /// empty one in a mode that records a missing cassette. Reading refuses what
    /// is no regular file; only a failure asks whether the file is there.
    private static func replayedCassette(at path: String, mode: Mode) throws(CassetteError) -> (Cassette, Bool) {
        do {
            return (try Cassette(contentsOfFile: path, requiringServableResponses: true), true)
        } catch {
            guard !FileManager.default.fileExists(atPath: path) else { throw error }
            guard mode != .never else { throw missingCassette(at: path) }
            return (Cassette(), false)
        }
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
        self.init(
            cassette: mode == .all ? Cassette(layout: cassette.layout) : cassette, path: path, mode: mode,
            options: options, existed: FileManager.default.fileExists(atPath: path),
            opened: CassetteSave.fingerprint(at: path, mode: mode), environment: Self.openingEnvironment)
    }

    /// `existed` tells whether the cassette file existed when the VCR opened
    /// it, `opened` what it held then (``CassetteSave/fingerprint(at:mode:)``).
    private init(
        cassette: Cassette, path: String, mode: Mode, options: Options, existed: Bool,
        opened: CassetteSave.Fingerprint?, environment: [String: String]
    ) {
        slot = VCRRegistry.shared.reserveSlot()
        self.cassettePath = path
        self.mode = mode
        self.options = options
        self.cassette = cassette
        records = mode.records(cassetteExists: existed)
        upstream = options.upstream ?? environment[Self.upstreamEnvironmentVariable].flatMap(URL.init(string:))
        redaction = RedactionRules.prepared(for: options.redaction)
        saving = CassetteSave(
            path: path, mode: mode, records: records, layout: cassette.layout, existed: existed, opened: opened,
            scansEnvironment: redaction.scansEnvironment)
        recordPipeline = RecordPipeline(redaction: redaction, hooks: options.beforeRecord)
        let redaction = redaction
        index = InteractionIndex(
            interactions: cassette.interactions, matchers: options.matchers, redactingRequests: redaction.redact)
        explainer = MismatchExplainer(index: index, cassettePath: path)
        state = Locked(ReplayState(interactionCount: cassette.interactions.count, groupCount: index.groupCount))
        heads = ReplayHeads(keepsHeads: options.allowsRepeats && options.beforeReplay.isEmpty)
        VCRRegistry.shared.register(self)
    }

    deinit {
        VCRRegistry.shared.unregister(slot: slot)
        // The last reference may be released on the session's own work queue,
        // inside the interceptor; invalidating synchronously there would deadlock.
        if let session = ownSession.withLock({ $0 }) {
            DispatchQueue.global().async { session.invalidateAndCancel() }
        }
        forwarder.invalidate()
    }

    /// Prepares a configuration so that its sessions' requests are answered by
    /// this VCR: puts this VCR's interceptor first in `protocolClasses`, in
    /// place of any other VCR's. Use it for code that creates its own sessions,
    /// with its own delegate.
    public func configure(_ configuration: URLSessionConfiguration) {
        let others = (configuration.protocolClasses ?? []).filter { !($0 is ReplayProtocol.Type) }
        // The class is made when a configuration first asks for it, not when
        // the VCR opens: a VCR behind a cassette server never needs one.
        configuration.protocolClasses = [ReplayProtocol.slotClass(slot)] + others
    }

    /// A new ephemeral configuration without a `URLCache`, as the VCR's own
    /// session has (a replayed response is never stored), prepared with ``configure(_:)``.
    public func makeConfiguration() -> URLSessionConfiguration {
        let configuration = SessionTemplate.shared.configuration()
        configure(configuration)
        return configuration
    }
}

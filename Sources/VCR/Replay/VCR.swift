import Foundation
import VCRCassette

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Answers a program's URLSession requests from a cassette, so that nothing
/// reaches the network.
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
    /// The cassette file's path, named in reports.
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
    private let index: InteractionIndex
    private let explainer: MismatchExplainer
    private let state: Locked<ReplayState>

    /// Loads the cassette at `path` (relative to the current directory, or absolute).
    ///
    /// - Throws: ``CassetteError`` when the file cannot be read.
    public convenience init(cassette path: String, mode: Mode = .never, options: Options = Options()) throws(CassetteError) {
        try self.init(cassette: URL(fileURLWithPath: path), mode: mode, options: options)
    }

    /// Loads the cassette at a file URL.
    ///
    /// - Throws: ``CassetteError`` when the file cannot be read.
    public convenience init(cassette url: URL, mode: Mode = .never, options: Options = Options()) throws(CassetteError) {
        let cassette = try Cassette(contentsOf: url)
        self.init(cassette: cassette, path: url.path, mode: mode, options: options)
    }

    /// Replays a cassette already in memory; `path` names it in reports.
    public init(cassette: Cassette, path: String, mode: Mode = .never, options: Options = Options()) {
        slot = VCRRegistry.shared.reserveSlot()
        protocolClass = ReplayProtocol.slotClass(slot)
        self.cassettePath = path
        self.mode = mode
        self.options = options
        index = InteractionIndex(interactions: cassette.interactions, matchers: options.matchers)
        explainer = MismatchExplainer(index: index, cassettePath: path)
        state = Locked(ReplayState(interactionCount: cassette.interactions.count, bucketCount: index.buckets.count))
        let configuration = URLSessionConfiguration.ephemeral
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
    @discardableResult
    public func stop() -> ReplayReport {
        let report = state.withLock { state in
            if let report = state.finalReport { return report }
            let report = ReplayReport(
                cassettePath: cassettePath,
                interactionCount: index.interactions.count,
                servedCount: state.servedCount,
                unmatchedRequests: state.unmatchedRequests,
                failedRequests: state.failedRequests,
                unusedInteractions: index.interactions.indices.filter { !state.used[$0] }.map {
                    index.interactions[$0].interaction
                })
            state.finalReport = report
            return report
        }
        VCRRegistry.shared.release(slot: slot)
        return report
    }

    /// What the interceptor does with a request.
    enum Resolution: Sendable {
        /// Answer with this recorded interaction.
        case replay(Interaction)
        /// Fail the request with this error.
        case failure(any Error)
    }

    /// Finds the interaction that answers `request` and marks it used, or
    /// explains why none does.
    func resolve(_ request: InterceptedRequest) -> Resolution {
        let prepared = index.prepare(request)
        guard let bucket = index.bucket(for: prepared) else { return fail(prepared) }
        let positions = index.buckets[bucket]
        var offset = state.withLock { $0.usedPrefix[bucket] }
        while offset < positions.count {
            let position = positions[offset]
            offset += 1
            let (isUsed, isStopped) = state.withLock { ($0.used[position], $0.finalReport != nil) }
            if isStopped { return fail(prepared) }
            guard !isUsed, index.matches(prepared, at: position) else { continue }
            let served = state.withLock { state in
                guard !state.used[position], state.finalReport == nil else { return false }
                state.serve(position, bucket: bucket, positions: positions)
                return true
            }
            if served { return .replay(index.interactions[position].interaction) }
        }
        if options.allowsRepeats, let position = lastServedMatch(prepared, bucket: bucket) {
            return .replay(index.interactions[position].interaction)
        }
        return fail(prepared)
    }

    /// Among the bucket's matching interactions, the one that answered a
    /// request last; marks it served again.
    private func lastServedMatch(_ request: PreparedRequest, bucket: Int) -> Int? {
        let positions = index.buckets[bucket]
        let matching = positions.filter { index.matches(request, at: $0) }
        return state.withLock { state in
            guard state.finalReport == nil,
                let position = matching.max(by: { state.lastServed[$0] < state.lastServed[$1] })
            else { return nil }
            state.serve(position, bucket: bucket, positions: positions)
            return position
        }
    }

    private func fail(_ request: PreparedRequest) -> Resolution {
        let (used, isStopped) = state.withLock { ($0.used, $0.finalReport != nil) }
        if isStopped {
            return .failure(
                ReplayError.stopped(
                    request: "\(request.request.method) \(request.request.url)", cassettePath: cassettePath))
        }
        let error = explainer.explain(request, used: used)
        state.withLock { $0.unmatchedRequests.append(error) }
        if options.printsMismatches {
            FileHandle.standardError.write(Data((error.description + "\n\n").utf8))
        }
        return .failure(error)
    }

    /// Records a request that failed before it could be matched.
    func record(_ error: ReplayError) {
        state.withLock { $0.failedRequests.append(error) }
    }
}

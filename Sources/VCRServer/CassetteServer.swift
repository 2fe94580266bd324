import Foundation
import NIOCore
import NIOPosix
import VCR
import VCRCassette

/// Serves a cassette over HTTP/1.1 on 127.0.0.1, for clients a ``VCR`` cannot
/// intercept: AsyncHTTPClient (and Vapor's, Hummingbird's and the OpenAPI
/// transport built on it), `URLSession.shared`, `curl`, programs in other languages.
///
/// Point the client's base URL at ``baseURL``; each request is matched as a
/// request to the cassette's origin, answered by the server's ``vcr`` exactly
/// as its URLSession interceptor would answer it (same matchers, consumption
/// order, redaction before matching, timing), streamed chunk by chunk at the
/// recorded boundaries, then ``stop()`` the server and check its report:
///
/// ```swift
/// let server = try await CassetteServer(cassette: "Cassettes/chat.yaml")
/// let client = ChatClient(baseURL: server.baseURL)
/// let reply = try await client.complete("Hello")
/// try await server.stop().check()
/// ```
///
/// ## Origins
///
/// A request for `/v1/chat` is matched as a request for the same path and query
/// on the cassette's origin (scheme, host and port), or on `origin` when given.
/// When the cassette has several origins, the first path segment names the
/// host (and port, when the origin has one): `/api.openai.com/v1/chat` is
/// matched as `https://api.openai.com/v1/chat` (see ``baseURL(for:)``). A
/// request in absolute form (`GET http://host/path`, as sent to an HTTP
/// proxy) is matched as that URL.
///
/// ## Errors
///
/// A request no interaction answers receives status 599 (``errorStatusCode``),
/// which no real API sends, with the header `X-VCR-Mismatch: true` and the
/// mismatch report as its plain-text body; it is in the ``stop()`` report too.
/// Other failures (no origin to match against, a body over the limit, the
/// upstream failing while recording) receive 599 with `X-VCR-Error` naming
/// the problem; malformed HTTP receives 400 and the connection is closed.
///
/// ## Recording
///
/// When the VCR records (see ``VCR/Mode``), a request no interaction answers
/// is forwarded to its origin, or to ``VCR/Options/upstream`` (else
/// `VCR_RECORD_UPSTREAM`), and the response streams to the client as it
/// arrives. The recording goes on to the end when the client disconnects
/// early; ``stop()`` waits for it before saving the cassette.
public final class CassetteServer: Sendable {
    /// The status of every response the server makes up itself: no real API answers 599.
    public static let errorStatusCode = 599
    /// The header, `true`, of a response to a request no interaction matched.
    public static let mismatchHeader = "X-VCR-Mismatch"
    /// The header naming the problem of any other response the server makes up.
    public static let errorHeader = "X-VCR-Error"

    /// The VCR that answers the requests and records.
    public let vcr: VCR
    /// The port the server listens on, on 127.0.0.1.
    public let port: Int
    /// The server's root, such as `http://127.0.0.1:41234`: a client's base URL.
    public let baseURL: URL
    /// The origins requests are matched against, such as `https://api.openai.com`.
    public var origins: [String] { served.routes.origins.map(\.url) }

    private let served: ServedCassette
    private let listener: any Channel
    private let closing = Locked<Task<Void, Never>?>(nil)

    /// Loads the cassette at `path` and starts serving it.
    ///
    /// - Parameters:
    ///   - mode: What to do with requests the cassette cannot answer; by
    ///     default the mode `VCR_RECORD` names (``VCR/Mode/never`` when unset).
    ///   - options: How requests are matched and responses delivered.
    ///   - origin: The origin requests are matched as requests to, such as
    ///     `https://api.openai.com`; by default the cassette's own, or, for an
    ///     empty cassette being recorded, the upstream.
    ///   - configuration: The port, limits and timeouts.
    /// - Throws: ``CassetteError`` when the cassette cannot be read, or the
    ///   error of binding the port.
    public convenience init(
        cassette path: String,
        mode: VCR.Mode? = nil,
        options: VCR.Options = VCR.Options(),
        origin: URL? = nil,
        configuration: Configuration = Configuration()
    ) async throws {
        let vcr = try VCR(cassette: path, mode: mode, options: options)
        try await self.init(vcr: vcr, origin: origin, configuration: configuration)
    }

    /// Starts serving the cassette of a VCR; ``stop()`` stops the VCR too.
    ///
    /// The other parameters are those of ``init(cassette:mode:options:origin:configuration:)``.
    public init(vcr: VCR, origin: URL? = nil, configuration: Configuration = Configuration()) async throws {
        let routes = OriginMap(interactions: vcr.loadedInteractions, origin: origin, upstream: vcr.upstream)
        let served = ServedCassette(vcr: vcr, routes: routes, configuration: configuration)
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 1024)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    // HeaderRules sends only fields HTTP/1.1 can carry: NIO's
                    // validation of every outbound head would check them again.
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(
                        withPipeliningAssistance: true, withErrorHandling: true, withOutboundHeaderValidation: false)
                    try channel.pipeline.syncOperations.addHandler(ConnectionHandler(served: served))
                    served.connections.add(channel)
                }
            }
        listener = try await bootstrap.bind(host: "127.0.0.1", port: configuration.port).get()
        port = listener.localAddress?.port ?? configuration.port
        baseURL = URL(string: "http://127.0.0.1:\(port)")!
        self.vcr = vcr
        self.served = served
    }

    deinit {
        listener.close(promise: nil)
    }

    /// The root under which requests are matched against `origin` (such as
    /// `https://api.openai.com`): ``baseURL`` itself when the server has one
    /// origin, `baseURL/host[:port]` when it has several; nil when `origin`
    /// is none of ``origins``.
    public func baseURL(for origin: String) -> URL? {
        guard let found = served.routes.origin(named: origin) else { return nil }
        return served.routes.origins.count == 1 ? baseURL : baseURL.appendingPathComponent(found.pathKey)
    }

    /// Stops accepting connections, waits for responses in progress (recordings
    /// included, up to ``Configuration/drainTimeout``), then closes every
    /// connection. The VCR is left running; calling it again does nothing more.
    public func close() async {
        let task = closing.withLock { task in
            if let task { return task }
            let started = Task { [listener, served] in
                try? await listener.close()
                await served.activity.waitUntilIdle(timeout: served.configuration.drainTimeout)
                served.connections.closeAll()
            }
            task = started
            return started
        }
        await task.value
    }

    /// Closes the server (see ``close()``), then stops the VCR and returns its
    /// report: the requests that were not answered, the unused interactions,
    /// and what was recorded and saved. Calling it again returns the same report.
    @discardableResult
    public func stop() async -> ReplayReport {
        await close()
        return vcr.stop()
    }
}

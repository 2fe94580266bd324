import Foundation

extension CassetteServer {
    /// Where a cassette server listens, and the limits that keep a bad client
    /// from taking it down.
    public struct Configuration: Sendable {
        /// The port on 127.0.0.1; 0, the default, picks a free one.
        public var port: Int
        /// How long a connection may take to send a whole request, counted
        /// from when it opens or its previous response ends; a connection idle
        /// or sending too slowly for longer is closed (with status 408 when its
        /// request had begun). 30 seconds by default.
        public var requestTimeout: Duration
        /// The largest request body accepted, in bytes; a larger one receives
        /// status 599 with `X-VCR-Error: body-too-large`. 64 MiB by default.
        public var maximumBodySize: Int
        /// The timeout of a request forwarded while recording. 300 seconds by default.
        public var upstreamTimeout: Duration
        /// How long ``CassetteServer/close()`` waits for responses in progress. 60 seconds by default.
        public var drainTimeout: Duration

        /// Creates a configuration.
        public init(
            port: Int = 0,
            requestTimeout: Duration = .seconds(30),
            maximumBodySize: Int = 64 << 20,
            upstreamTimeout: Duration = .seconds(300),
            drainTimeout: Duration = .seconds(60)
        ) {
            self.port = port
            self.requestTimeout = requestTimeout
            self.maximumBodySize = maximumBodySize
            self.upstreamTimeout = upstreamTimeout
            self.drainTimeout = drainTimeout
        }
    }
}

extension Duration {
    /// The duration in seconds, as Foundation's timeouts take it.
    var seconds: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }

    /// The duration in whole nanoseconds, clamped to what `Int64` holds.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        guard seconds < Int64.max / 1_000_000_000 else { return .max }
        return max(0, seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}

import Foundation

extension VCR {
    /// Which requests go to the network untouched, whatever the mode: never
    /// matched against the cassette, never recorded, listed in
    /// ``ReplayReport/passedThroughRequests``.
    ///
    /// ```swift
    /// options.passthrough = .loopback                                  // a server the test started
    /// options.passthrough = .hosts("telemetry.example.com").or(.loopback)
    /// options.passthrough = Passthrough { $0.url.contains("/health") }
    /// ```
    ///
    /// Such a request is sent through an inner URLSession without the
    /// interceptor, as the code built it (not to ``Options/upstream``), and its
    /// response streams to the caller as it arrives.
    public struct Passthrough: Sendable {
        private let predicate: (@Sendable (InterceptedRequest) -> Bool)?

        /// Lets through the requests for which `predicate` is true.
        public init(_ predicate: @escaping @Sendable (InterceptedRequest) -> Bool) {
            self.predicate = predicate
        }

        private init() {
            predicate = nil
        }

        /// Lets nothing through (the default).
        public static let nothing = Passthrough()

        /// Lets through requests to these hosts; names compare
        /// case-insensitively, without the port.
        public static func hosts(_ hosts: String...) -> Passthrough {
            Self.hosts(Set(hosts))
        }

        /// Lets through requests to these hosts; see ``hosts(_:)-(String...)``.
        public static func hosts(_ hosts: Set<String>) -> Passthrough {
            let names = Set(hosts.map { $0.lowercased() })
            return Passthrough { request in Self.host(of: request).map(names.contains) ?? false }
        }

        /// Lets through requests to this machine: `localhost`, `127.0.0.0/8` and `::1`.
        public static let loopback = Passthrough { request in
            guard let host = host(of: request) else { return false }
            return host == "localhost" || host.hasSuffix(".localhost") || host == "::1" || isLoopbackIPv4(host)
        }

        /// Whether `host` is an IPv4 address in 127.0.0.0/8.
        private static func isLoopbackIPv4(_ host: String) -> Bool {
            let parts = host.split(separator: ".", omittingEmptySubsequences: false)
            return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
        }

        /// Lets through what either this or `other` lets through.
        public func or(_ other: Passthrough) -> Passthrough {
            guard let predicate else { return other }
            guard let second = other.predicate else { return self }
            return Passthrough { predicate($0) || second($0) }
        }

        /// Whether `request` goes to the network untouched.
        public func lets(_ request: InterceptedRequest) -> Bool {
            predicate?(request) ?? false
        }

        /// The request's host, lowercased, without brackets.
        private static func host(of request: InterceptedRequest) -> String? {
            guard let host = URLComponents(string: request.url)?.host?.lowercased() else { return nil }
            return host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        }
    }
}

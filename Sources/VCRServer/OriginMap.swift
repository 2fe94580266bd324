import Foundation
import VCRCassette

/// How a request target received by a cassette server becomes the URL it is
/// matched as: the cassette's one origin plus the target, or, with several
/// origins, the origin the target's first path segment names.
struct OriginMap: Sendable {
    /// A scheme, host and port.
    struct Origin: Sendable, Hashable {
        let scheme: String
        let host: String
        let port: Int?
        /// The host and port as they appear in a URL: the first path segment
        /// that names this origin when a server has several.
        let pathKey: String
        /// `https://api.openai.com` or `http://127.0.0.1:8080`.
        let url: String

        /// The origin of a URL; nil when it has no scheme or host.
        init?(_ url: String) {
            guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
                let host = components.percentEncodedHost?.lowercased(), !host.isEmpty
            else { return nil }
            self.scheme = scheme
            self.host = host
            port = components.port
            let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
            pathKey = port.map { "\(bracketed):\($0)" } ?? bracketed
            self.url = "\(scheme)://\(pathKey)"
        }
    }

    /// The origins, in the order the cassette first names them.
    let origins: [Origin]

    /// The origins of `interactions`; only `origin` when given; the upstream
    /// when there is neither (an empty cassette being recorded).
    init(interactions: [Interaction], origin: URL?, upstream: URL?) {
        if let origin = origin.flatMap({ Origin($0.absoluteString) }) {
            origins = [origin]
            return
        }
        var seen: Set<Origin> = []
        var found: [Origin] = []
        for interaction in interactions {
            guard let origin = Origin(interaction.request.url), seen.insert(origin).inserted else { continue }
            found.append(origin)
        }
        if found.isEmpty, let upstream = upstream.flatMap({ Origin($0.absoluteString) }) { found = [upstream] }
        origins = found
    }

    /// The origin named `name`, an origin URL such as `https://api.openai.com`
    /// or a host such as `api.openai.com`.
    func origin(named name: String) -> Origin? {
        let origin = Origin(name)
        return origins.first { $0 == origin || $0.pathKey == name.lowercased() }
    }

    /// The URL a request target is matched as, or why there is none.
    func url(for target: String) -> Result<String, RouteFailure> {
        if target.hasPrefix("http://") || target.hasPrefix("https://") { return .success(target) }
        guard target.hasPrefix("/") else {
            return .failure(RouteFailure(reason: "the request target `\(target)` is not a path"))
        }
        switch origins.count {
        case 0:
            return .failure(
                RouteFailure(
                    reason: "the cassette has no interactions to take an origin from; "
                        + "pass the origin to match against (origin: / --origin), or an upstream when recording"))
        case 1:
            return .success(origins[0].url + target)
        default:
            let afterSlash = target.dropFirst()
            let end = afterSlash.firstIndex { $0 == "/" || $0 == "?" } ?? afterSlash.endIndex
            let key = afterSlash[..<end].lowercased()
            guard let origin = origins.first(where: { $0.pathKey == key }) else {
                return .failure(
                    RouteFailure(
                        reason: "the cassette has several origins (\(origins.map(\.url).joined(separator: ", "))), "
                            + "so the first path segment must name one of their hosts, as in /\(origins[0].pathKey)/path"
                    ))
            }
            let rest = afterSlash[end...]
            return .success(origin.url + (rest.hasPrefix("/") ? String(rest) : "/" + rest))
        }
    }
}

/// Why a request target maps to no origin.
struct RouteFailure: Error, Sendable {
    let reason: String
}

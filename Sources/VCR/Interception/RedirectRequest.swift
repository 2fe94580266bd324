import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The request that follows a redirect, built as Go's `http.Client` builds it
/// (go-vcr records the hops a Go client sends, so replay must send the same).
///
/// - 301, 302 and 303 turn any method but GET and HEAD into a GET without a
///   body; 307 and 308 keep the method and the body.
/// - `Location` is resolved against the URL of the request that was redirected.
/// - Header fields are carried over, except `Authorization`, `Www-Authenticate`,
///   `Cookie` and `Cookie2` when the new host is neither the old one nor one of
///   its subdomains; a dropped body takes its `Content-Length` along.
/// - `Referer` is set to the redirected URL, without user info, unless the
///   redirect goes from https to http.
enum RedirectRequest {
    /// The status codes a client follows.
    static let followedCodes: Set<Int> = [301, 302, 303, 307, 308]

    /// The header fields that leave with the host.
    private static let sensitiveHeaders: Set<String> = ["authorization", "www-authenticate", "cookie", "cookie2"]

    /// The request to send after `response` answered `request`, whose body is
    /// `body` (a request's `httpBody` is not always its body); nil when the
    /// response is no redirect a client follows: another status, no
    /// `Location`, or one that does not resolve to an http(s) URL.
    static func next(after response: HTTPURLResponse, to request: URLRequest, body: Data?) -> URLRequest? {
        guard followedCodes.contains(response.statusCode),
            let location = response.value(forHTTPHeaderField: "Location"), !location.isEmpty,
            let current = request.url,
            let target = URL(string: location, relativeTo: current)?.absoluteURL,
            let scheme = target.scheme?.lowercased(), scheme == "http" || scheme == "https"
        else { return nil }
        let method = request.httpMethod ?? "GET"
        let keepsBody = response.statusCode == 307 || response.statusCode == 308
        var next = URLRequest(url: target, cachePolicy: request.cachePolicy)
        // Set through the property: FoundationNetworking ignores the initializer's.
        next.timeoutInterval = request.timeoutInterval
        next.httpMethod = keepsBody || method == "GET" || method == "HEAD" ? method : "GET"
        let keepsCredentials = isSameDomainOrSubdomain(target.host, of: current.host)
        for (name, value) in request.allHTTPHeaderFields ?? [:] {
            let lowercased = name.lowercased()
            if !keepsCredentials, sensitiveHeaders.contains(lowercased) { continue }
            if !keepsBody, lowercased == "content-length" { continue }
            if lowercased == "referer" { continue }
            next.setValue(value, forHTTPHeaderField: name)
        }
        if let referer = referer(from: current, to: target) { next.setValue(referer, forHTTPHeaderField: "Referer") }
        if keepsBody { next.httpBody = body }
        return next
    }

    /// Go's `isDomainOrSubdomain`: `host` equals `parent` or ends in `.parent`.
    private static func isSameDomainOrSubdomain(_ host: String?, of parent: String?) -> Bool {
        guard let host = host?.lowercased(), let parent = parent?.lowercased() else { return false }
        return host == parent || host.hasSuffix("." + parent)
    }

    /// Go's `refererForURL`: the previous URL without user info; none from https to http.
    private static func referer(from previous: URL, to target: URL) -> String? {
        if previous.scheme?.lowercased() == "https", target.scheme?.lowercased() == "http" { return nil }
        guard var components = URLComponents(url: previous, resolvingAgainstBaseURL: false) else { return nil }
        components.user = nil
        components.password = nil
        return components.url?.absoluteString
    }
}

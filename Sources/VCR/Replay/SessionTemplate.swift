import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The configuration of every VCR's own session, made once per process and
/// copied for each VCR.
///
/// `URLSessionConfiguration.ephemeral` builds a new `URLCache` each time, and
/// on Linux that looks up the XDG cache folders: most of what opening a small
/// cassette cost. A VCR's session needs no cache (a replayed response is never
/// stored), so the template has none.
final class SessionTemplate: @unchecked Sendable {
    // @unchecked: `template` is never changed after `init`; it is only copied.
    private let template: URLSessionConfiguration

    /// The process's template.
    static let shared = SessionTemplate()

    private init() {
        template = URLSessionConfiguration.ephemeral
        template.urlCache = nil
    }

    /// A copy of the template, for one VCR to prepare.
    func configuration() -> URLSessionConfiguration {
        if let copy = template.copy() as? URLSessionConfiguration { return copy }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        return configuration
    }
}

import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What the interceptor reads of a session, read once per session: a session
/// copies its configuration when it is made, so none of it changes afterwards.
final class SessionFacts: @unchecked Sendable {
    // @unchecked: `session` is only set by the initialiser (a weak reference
    // is a var); `taskRegistry` is only read on the session's work queue.

    /// The session, held weakly: the facts may be kept on the session's own work queue.
    private(set) weak var session: URLSession?
    /// The string-valued `httpAdditionalHeaders` of the configuration.
    let additionalHeaders: [String: String]
    /// The configuration's `timeoutIntervalForRequest`.
    let requestTimeout: TimeInterval
    /// FoundationNetworking's private registry of the session's tasks, when
    /// it could be read (see ``TaskInspection``).
    let taskRegistry: TaskInspection.Registry?

    init(_ session: URLSession, taskRegistry: TaskInspection.Registry?) {
        self.session = session
        self.taskRegistry = taskRegistry
        let configuration = session.configuration
        var headers: [String: String] = [:]
        for (name, value) in configuration.httpAdditionalHeaders ?? [:] {
            if let name = name.base as? String, let value = value as? String { headers[name] = value }
        }
        additionalHeaders = headers
        requestTimeout = configuration.timeoutIntervalForRequest
    }
}

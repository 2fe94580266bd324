import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What the interceptor needs to know about the task it serves and that
/// FoundationNetworking keeps private: the session, whether the task's data
/// goes chunk by chunk to a data delegate, and the body of an upload task.
///
/// On Linux these are read through reflection (`Mirror`) of
/// swift-corelibs-foundation's stored properties; each read falls back to the
/// safe answer when a name is not found. On Apple platforms none is needed.
struct TaskInspection {
    /// The session running the task, when it can be found.
    var session: URLSession?
    /// Whether each `didLoad` reaches the caller. When false, only the last
    /// `didLoad` does, so the body must arrive in one piece.
    var deliversEveryChunk: Bool
    /// The body given to `uploadTask(with:from:)` or `upload(for:from:)`, which
    /// the request does not carry.
    var uploadBody: Data?

    #if canImport(FoundationNetworking)
    /// Inspects a task from inside `startLoading`, which FoundationNetworking
    /// calls on the session's work queue: the queue that owns the session's
    /// task registry, so reading the registry there is safe.
    ///
    /// FoundationNetworking's protocol client *assigns* the response data on
    /// each `didLoad` for tasks with a completion handler (which `data(for:)`
    /// and `upload(for:from:)` use), so those callers receive only the last
    /// chunk, even when the session has a data delegate. Only tasks whose
    /// registered behaviour is `callDelegate`, on a session whose delegate is a
    /// `URLSessionDataDelegate`, receive every chunk. `task.delegate` cannot
    /// tell the two apart: it is the session's delegate in both cases.
    ///
    /// Reflection costs microseconds, so only what the answer depends on is
    /// read: the registry only for a data task whose delegate takes chunks, the
    /// upload body only when the request carries no body of its own.
    init(task: URLSessionTask?, requestHasBody: Bool) {
        guard let task else {
            self.init(session: nil, deliversEveryChunk: false, uploadBody: nil)
            return
        }
        let names = requestHasBody ? ["session"] : ["session", "knownBody"]
        let values = Self.values(named: names, in: task)
        let session = values["session"].flatMap(Self.unwrapped) as? URLSession
        var callsDataDelegate = false
        if task is URLSessionDataTask, task.delegate is URLSessionDataDelegate {
            let registry = session.flatMap { Self.values(named: ["taskRegistry"], in: $0)["taskRegistry"] }
            let behaviours = registry.flatMap { Self.values(named: ["behaviours"], in: $0)["behaviours"] } as? [Int: Any]
            callsDataDelegate = behaviours?[task.taskIdentifier].map(Self.caseName) == "callDelegate"
        }
        self.init(
            session: session,
            deliversEveryChunk: callsDataDelegate,
            uploadBody: values["knownBody"].flatMap(Self.unwrapped).flatMap(Self.bodyData))
    }

    /// Stored properties of an object or its superclasses, by name, found in one walk.
    private static func values(named names: [String], in subject: Any) -> [String: Any] {
        var found: [String: Any] = [:]
        var mirror: Mirror? = Mirror(reflecting: subject)
        while let current = mirror, found.count < names.count {
            for child in current.children {
                if let label = child.label, found[label] == nil, names.contains(label) { found[label] = child.value }
                if found.count == names.count { break }
            }
            mirror = current.superclassMirror
        }
        return found
    }

    /// The wrapped value of an optional, or the value itself.
    private static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }

    /// The name of an enum case, with or without a payload.
    private static func caseName(_ value: Any) -> String {
        Mirror(reflecting: value).children.first?.label ?? String(describing: value)
    }

    /// The bytes of a task's `_Body`: `.data(DispatchData)` or `.file(URL)`.
    private static func bodyData(_ body: Any) -> Data? {
        guard let payload = Mirror(reflecting: body).children.first else { return nil }
        switch (payload.label, payload.value) {
        case ("data", let data as DispatchData): return Data(data)
        case ("file", let url as URL): return try? Data(contentsOf: url)
        default: return nil
        }
    }
    #else
    /// On Apple platforms every chunk reaches every kind of caller, and the
    /// request carries the session's additional headers.
    init(task: URLSessionTask?, requestHasBody: Bool) {
        self.init(session: nil, deliversEveryChunk: true, uploadBody: nil)
    }
    #endif

    private init(session: URLSession?, deliversEveryChunk: Bool, uploadBody: Data?) {
        self.session = session
        self.deliversEveryChunk = deliversEveryChunk
        self.uploadBody = uploadBody
    }
}

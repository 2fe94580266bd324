import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
@_spi(Reflection) import Swift
#endif

/// What the interceptor needs to know about the task it serves and that
/// FoundationNetworking keeps private: the session, whether the task's data
/// goes chunk by chunk to a data delegate, and the body of an upload task.
///
/// On Linux these are read through reflection (`Mirror`, and for the task
/// registry the runtime's field metadata and enum case names) of
/// swift-corelibs-foundation's stored properties; a name that is not found
/// fails the request (an upload body) or warns once (the task registry). On
/// Apple platforms none is needed.
struct TaskInspection {
    /// What the interceptor reads of the session running the task, when it can be found.
    var session: SessionFacts?
    /// Whether each `didLoad` reaches the caller. When false, only the last
    /// `didLoad` does, so the body must arrive in one piece.
    var deliversEveryChunk: Bool
    /// The body given to `uploadTask(with:from:)` or `upload(for:from:)`, which
    /// the request does not carry.
    var uploadBody: Data?
    /// Whether the task is an upload task whose body is neither in the
    /// request nor readable from the task: matching it as a body-less request
    /// would be silently wrong.
    var uploadBodyIsMissing: Bool

    /// The names of swift-corelibs-foundation's private stored properties and
    /// enum cases that the inspection reads.
    enum Name {
        /// `URLSessionTask.session`, the session running the task.
        static let session = "session"
        /// `URLSessionTask.knownBody`, the `_Body` of an upload task.
        static let knownBody = "knownBody"
        /// `URLSession.workQueue`, the queue every task of the session runs on.
        static let workQueue = "workQueue"
        /// `URLSession.taskRegistry`, the session's `_TaskRegistry`.
        static let taskRegistry = "taskRegistry"
        /// `_TaskRegistry.behaviours`, each task's `_Behaviour` by task identifier.
        static let behaviours = "behaviours"
        /// The `_Behaviour` of a task whose data goes to the data delegate.
        static let callDelegate = "callDelegate"
        /// The `_Body` case of a body in memory.
        static let data = "data"
        /// The `_Body` case of a body in a file.
        static let file = "file"
    }

    /// A session's task registry, with the offset and type of its
    /// `behaviours` among the registry object's stored properties: found
    /// once per session in the runtime's field metadata, so that a request
    /// loads that one property and reflects nothing.
    ///
    /// Read through `Mirror` instead, the property took four fifths of a
    /// streaming task's inspection (the runtime demangles a field's type on
    /// every subscript); loaded where the runtime says it is, it takes a
    /// seventh of that time (`perf` samples over 3,000 streams).
    struct Registry {
        #if canImport(FoundationNetworking)
        private let object: AnyObject
        private let behavioursOffset: Int
        private let behavioursType: Any.Type

        /// The value of `_EachFieldOptions.classType`, a stored `static var`
        /// that strict concurrency checking does not let code read.
        private static let classFields = _EachFieldOptions(rawValue: 1 << 0)

        /// The registry `value`; nil when it is not an object with a stored `behaviours`.
        init?(_ value: Any) {
            guard let objectType = type(of: value) as? AnyClass else { return nil }
            var found: (offset: Int, type: Any.Type)?
            _forEachField(of: objectType, options: Self.classFields) { name, offset, type, _ in
                guard String(cString: name) == Name.behaviours else { return true }
                found = (offset, type)
                return false
            }
            guard let found else { return nil }
            object = value as AnyObject
            behavioursOffset = found.offset
            behavioursType = found.type
        }

        /// A copy of the registry's `behaviours`, as the type the runtime gives it.
        var behaviours: Any {
            withExtendedLifetime(object) {
                let address = UnsafeRawPointer(Unmanaged.passUnretained(object).toOpaque()) + behavioursOffset
                func load<Value>(_: Value.Type) -> Any { address.load(as: Value.self) }
                return _openExistential(behavioursType, do: load)
            }
        }
        #endif
    }

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
    /// upload body only for an upload task whose request carries no body of
    /// its own (a data task's body is in its request: `httpBody` or
    /// `httpBodyStream`): reading it costs 29 K instructions a request even
    /// at its known place (callgrind).
    init(task: URLSessionTask?, requestHasBody: Bool) {
        guard let task else {
            self.init(session: nil, deliversEveryChunk: false, uploadBody: nil, uploadBodyIsMissing: false)
            return
        }
        let readsBody = !requestHasBody && task is URLSessionUploadTask
        let session = Self.session(of: task)
        var callsDataDelegate = false
        if task is URLSessionDataTask, task.delegate is URLSessionDataDelegate {
            if let behaviour = Self.behaviour(of: task, in: session?.taskRegistry) {
                callsDataDelegate = behaviour == Name.callDelegate
            } else {
                Self.warnOnceRegistryIsUnreadable()
            }
        }
        let knownBody = readsBody ? Self.values(named: [Name.knownBody], in: task)[Name.knownBody] : nil
        let uploadBody = knownBody.flatMap(Self.unwrapped).flatMap(Self.bodyData)
        self.init(
            session: session,
            deliversEveryChunk: callsDataDelegate,
            uploadBody: uploadBody,
            uploadBodyIsMissing: readsBody && uploadBody == nil)
    }

    /// Marks the work queue of a session with its ``SessionFacts``.
    private static let sessionKey = DispatchSpecificKey<SessionFacts>()

    /// The facts of `task`'s session: those kept on the session's work queue,
    /// which runs `startLoading` (through the task's own queue, which targets
    /// it); else read from the task by reflection and kept there, so that
    /// reflection runs once per session rather than once per request.
    private static func session(of task: URLSessionTask) -> SessionFacts? {
        if let kept = DispatchQueue.getSpecific(key: sessionKey), kept.session != nil { return kept }
        guard let session = values(named: [Name.session], in: task)[Name.session].flatMap(unwrapped) as? URLSession
        else {
            return nil
        }
        let found = values(named: [Name.workQueue, Name.taskRegistry], in: session)
        let facts = SessionFacts(session, taskRegistry: found[Name.taskRegistry].flatMap(Registry.init))
        (found[Name.workQueue] as? DispatchQueue)?.setSpecific(key: sessionKey, value: facts)
        return facts
    }

    /// The case name of `task`'s registered behaviour in its session's task
    /// `registry`, or nil when the registry cannot be read.
    static func behaviour(of task: URLSessionTask, in registry: Registry?) -> String? {
        guard let behaviours = registry?.behaviours as? any IntKeyedDictionary else { return nil }
        return behaviours.value(forKey: task.taskIdentifier).flatMap(caseName)
    }

    /// The reflected names that do not resolve for these tasks, all made by
    /// `session` and not yet resumed, so that nothing else touches the
    /// registry: `dataTask` is a data task whose session has a data delegate,
    /// `uploadTask` an upload task from data. Empty when every name resolves.
    static func unresolvedNames(
        session: URLSession, dataTask: URLSessionDataTask, uploadTask: URLSessionUploadTask
    ) -> [String] {
        var unresolved: [String] = []
        let dataValues = values(named: [Name.session], in: dataTask)
        if (dataValues[Name.session].flatMap(unwrapped) as? URLSession) !== session { unresolved.append(Name.session) }
        let sessionValues = values(named: [Name.workQueue, Name.taskRegistry], in: session)
        if !(sessionValues[Name.workQueue] is DispatchQueue) { unresolved.append(Name.workQueue) }
        let found = sessionValues[Name.taskRegistry]
        if found == nil { unresolved.append(Name.taskRegistry) }
        let registry = found.flatMap(Registry.init)
        if found != nil, registry == nil { unresolved.append(Name.behaviours) }
        if registry != nil, behaviour(of: dataTask, in: registry) != Name.callDelegate {
            unresolved.append(Name.callDelegate)
        }
        let knownBody = values(named: [Name.knownBody], in: uploadTask)[Name.knownBody].flatMap(unwrapped)
        if knownBody == nil { unresolved.append(Name.knownBody) }
        if knownBody != nil, knownBody.flatMap(bodyData) == nil { unresolved.append(Name.data) }
        return unresolved
    }

    /// What the warning about an unreadable task registry says.
    static let registryWarning =
        "VCR: warning: FoundationNetworking's task registry (URLSession.taskRegistry.behaviours) could not be read "
        + "by reflection on this toolchain; swift-vcr assumes it holds each task's behaviour, and without it "
        + "a data delegate receives a replayed body in one piece instead of chunk by chunk.\n"

    /// Prints ``registryWarning`` to standard error the first time it is asked for in the process.
    private static func warnOnceRegistryIsUnreadable() {
        _ = registryWarningPrinted
    }

    /// Printing the warning, done once by the lazy initialisation of a static constant.
    private static let registryWarningPrinted: Void = {
        FileHandle.standardError.write(Data(registryWarning.utf8))
    }()

    /// Where a stored property is among an object's `Mirror` children: how
    /// many superclass mirrors up, and at which offset.
    private struct Place: Sendable {
        var depth: Int
        var offset: Int
    }

    /// A property's name in a class.
    private struct PlaceKey: Hashable, Sendable {
        var type: ObjectIdentifier
        var name: String
    }

    /// The places found so far. A walk reads every child before the one it
    /// looks for: an upload task's body took 130 K instructions a request
    /// that way, 29 K read at its place (callgrind).
    private static let places = Locked<[PlaceKey: Place]>([:])

    /// Stored properties of an object or its superclasses, by name: each read
    /// at its place when known and its label agrees, else found in one walk,
    /// which records the places.
    private static func values(named names: [String], in subject: Any) -> [String: Any] {
        let type = ObjectIdentifier(Swift.type(of: subject))
        let known = places.withLock { places in names.map { places[PlaceKey(type: type, name: $0)] } }
        var found: [String: Any] = [:]
        let root = Mirror(reflecting: subject)
        for (name, place) in zip(names, known) {
            guard let place, let value = value(named: name, at: place, in: root) else { break }
            found[name] = value
        }
        if found.count == names.count { return found }
        found = [:]
        var walked: [PlaceKey: Place] = [:]
        var mirror: Mirror? = root
        var depth = 0
        while let current = mirror, found.count < names.count {
            for (offset, child) in current.children.enumerated() {
                if let label = child.label, found[label] == nil, names.contains(label) {
                    found[label] = child.value
                    walked[PlaceKey(type: type, name: label)] = Place(depth: depth, offset: offset)
                }
                if found.count == names.count { break }
            }
            mirror = current.superclassMirror
            depth += 1
        }
        places.withLock { $0.merge(walked) { $1 } }
        return found
    }

    /// The child of `root`'s mirrors at `place`, when it is labelled `name`.
    private static func value(named name: String, at place: Place, in root: Mirror) -> Any? {
        var mirror = root
        for _ in 0..<place.depth {
            guard let superclass = mirror.superclassMirror else { return nil }
            mirror = superclass
        }
        let children = mirror.children
        guard place.offset < children.count else { return nil }
        let child = children[children.index(children.startIndex, offsetBy: place.offset)]
        return child.label == name ? child.value : nil
    }

    /// The wrapped value of an optional, or the value itself.
    private static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }

    /// The name of an enum case, with or without a payload; nil when `value` is no enum.
    ///
    /// Asked of the runtime directly: `Mirror` and `String(describing:)`,
    /// which reflect the value first, took 13 K of the 117 K instructions the
    /// interceptor adds to a replayed stream (callgrind), and 7.8 µs (`perf`).
    private static func caseName(_ value: Any) -> String? {
        func name<Value>(_ value: Value) -> String? {
            enumCaseName(value).map { String(cString: $0) }
        }
        return _openExistential(value, do: name)
    }

    /// The bytes of a task's `_Body`: `.data(DispatchData)` or `.file(URL)`.
    private static func bodyData(_ body: Any) -> Data? {
        guard let payload = Mirror(reflecting: body).children.first else { return nil }
        switch (payload.label, payload.value) {
        case (Name.data, let data as DispatchData): return Data(data)
        case (Name.file, let url as URL): return try? Data(contentsOf: url)
        default: return nil
        }
    }
    #else
    /// On Apple platforms every chunk reaches every kind of caller, and the
    /// request carries the session's additional headers.
    init(task: URLSessionTask?, requestHasBody: Bool) {
        self.init(session: nil, deliversEveryChunk: true, uploadBody: nil, uploadBodyIsMissing: false)
    }
    #endif

    private init(session: SessionFacts?, deliversEveryChunk: Bool, uploadBody: Data?, uploadBodyIsMissing: Bool) {
        self.session = session
        self.deliversEveryChunk = deliversEveryChunk
        self.uploadBody = uploadBody
        self.uploadBodyIsMissing = uploadBodyIsMissing
    }
}

#if canImport(FoundationNetworking)
/// The runtime function behind the standard library's own enum case names,
/// declared as the standard library declares it; nil for a value that is no enum.
@_silgen_name("swift_EnumCaseName")
private func enumCaseName<Value>(_ value: Value) -> UnsafePointer<CChar>?

/// A dictionary keyed by `Int`, whatever the type of its values: lets the
/// reflected `[Int: _Behaviour]` be read one entry at a time, where a cast to
/// `[Int: Any]` would convert every entry.
protocol IntKeyedDictionary {
    /// The value for `key`, as `Any`.
    func value(forKey key: Int) -> Any?
}

extension Dictionary: IntKeyedDictionary where Key == Int {
    func value(forKey key: Int) -> Any? {
        self[key]
    }
}
#endif

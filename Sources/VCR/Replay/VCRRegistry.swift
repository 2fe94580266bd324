/// The live VCRs of the process, by id, so the interceptor can find the one
/// that owns a request's session while several run in parallel.
///
/// The registry keeps a VCR alive until it is stopped: a caller may let go of
/// its VCR while sessions it configured still send requests (Swift may release
/// a local as soon as its last use, such as `vcr.session`, is done). Once
/// stopped, a VCR is only referenced weakly, so that it lives as long as its
/// owner keeps it and late requests learn that it was stopped.
final class VCRRegistry: Sendable {
    private final class Entry: @unchecked Sendable {
        // @unchecked: the fields are only touched under the registry's lock.
        var retained: VCR?
        weak var vcr: VCR?

        init(_ vcr: VCR) {
            retained = vcr
            self.vcr = vcr
        }
    }

    /// The registry of the process.
    static let shared = VCRRegistry()

    private let entries = Locked<[String: Entry]>([:])

    /// Adds a VCR, keeping it alive until ``release(id:)``.
    func register(_ vcr: VCR) {
        entries.withLock { $0[vcr.id] = Entry(vcr) }
    }

    /// Stops keeping a VCR alive; it stays reachable while others keep it.
    func release(id: String) {
        let vcr = entries.withLock { entries in
            defer { entries[id]?.retained = nil }
            return entries[id]?.retained
        }
        // The VCR may be deinitialised here, outside the lock.
        _ = vcr
    }

    /// Forgets a VCR that is being deinitialised.
    func unregister(id: String) {
        entries.withLock { $0[id] = nil }
    }

    /// The VCR with this id, if it is alive.
    func vcr(id: String) -> VCR? {
        entries.withLock { $0[id]?.vcr }
    }
}

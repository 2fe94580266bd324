/// The live VCRs of the process, by slot number, so the interceptor can find
/// the one that owns a request's session while several run in parallel.
///
/// Slot numbers are never reused: a session left over from a VCR that is gone
/// finds no VCR rather than another one's cassette.
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

    private struct State {
        var entries: [Int: Entry] = [:]
        var nextSlot = 0
    }

    private let state = Locked(State())

    /// Reserves the slot number of a new VCR.
    func reserveSlot() -> Int {
        state.withLock { state in
            defer { state.nextSlot += 1 }
            return state.nextSlot
        }
    }

    /// Adds a VCR, keeping it alive until ``release(slot:)``.
    func register(_ vcr: VCR) {
        state.withLock { $0.entries[vcr.slot] = Entry(vcr) }
    }

    /// Stops keeping a VCR alive; it stays reachable while others keep it.
    func release(slot: Int) {
        let vcr = state.withLock { state in
            defer { state.entries[slot]?.retained = nil }
            return state.entries[slot]?.retained
        }
        // The VCR may be deinitialised here, outside the lock.
        _ = vcr
    }

    /// Forgets a VCR that is being deinitialised.
    func unregister(slot: Int) {
        state.withLock { $0.entries[slot] = nil }
    }

    /// The VCR in this slot, if it is alive.
    func vcr(slot: Int) -> VCR? {
        state.withLock { $0.entries[slot]?.vcr }
    }
}

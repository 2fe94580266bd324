/// The live VCRs of the process, by id, so the interceptor can find the one
/// that owns a request's session while several run in parallel.
final class VCRRegistry: Sendable {
    private final class WeakVCR: @unchecked Sendable {
        // @unchecked: `vcr` is set once, at creation; weak loads are atomic.
        weak var vcr: VCR?

        init(_ vcr: VCR) {
            self.vcr = vcr
        }
    }

    /// The registry of the process.
    static let shared = VCRRegistry()

    private let vcrs = Locked<[String: WeakVCR]>([:])

    func register(_ vcr: VCR) {
        vcrs.withLock { $0[vcr.id] = WeakVCR(vcr) }
    }

    func unregister(id: String) {
        vcrs.withLock { $0[id] = nil }
    }

    /// The live VCR with this id.
    func vcr(id: String) -> VCR? {
        vcrs.withLock { $0[id]?.vcr }
    }
}

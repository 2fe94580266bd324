import Dispatch
import Foundation
import VCRCassette

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends one recorded response to a URL loading client: the headers, the body's
/// chunks, then the end, each after its scheduled delay.
package final class ResponseDelivery: Sendable {
    /// One call to the client.
    package enum Step: Sendable {
        case headers(HTTPURLResponse)
        case chunk(Data)
        case finish
    }

    private let steps: [(delay: Duration, step: Step)]
    private let isImmediate: Bool
    private let cancelled = Locked(false)

    /// Plans the delivery of `response` with `head` as the headers step.
    ///
    /// - Parameter chunked: whether the client passes every chunk on; when
    ///   false the body is sent whole, at the time its last chunk would arrive.
    init(response: RecordedResponse, head: HTTPURLResponse, chunked: Bool, timing: VCR.Timing, chunkSize: Int) {
        let ranges = chunked ? response.chunkRanges(chunkSize: chunkSize) : nil
        // A body sent whole is not cut: it counts as one chunk for the schedule.
        let chunkEnds =
            ranges?.map { $0.upperBound - response.body.startIndex }
            ?? (response.body.isEmpty ? [] : [response.body.count])
        let schedule = DeliverySchedule(
            timing: timing, duration: response.duration, chunkEnds: chunkEnds, bodyLength: response.body.count,
            arrivals: response.chunkArrivals)
        // The finish step follows the last chunk at once.
        let delays = [schedule.beforeHeaders] + schedule.beforeChunks + [.zero]
        steps = Array(zip(delays, Self.steps(of: response, head: head, chunks: ranges)))
        isImmediate = schedule.isImmediate
    }

    /// The steps of `response`, in order, with `head` as the headers step:
    /// a step per range of `chunks`, or, without them, the body whole.
    static func steps(of response: RecordedResponse, head: HTTPURLResponse, chunks: [Range<Data.Index>]?) -> [Step] {
        var steps: [Step] = []
        steps.reserveCapacity((chunks?.count ?? 1) + 2)
        steps.append(.headers(head))
        if let chunks {
            // Each chunk is copied into its own zero-based `Data`, as URLSession
            // delivers them: consumers may index a chunk from 0. Copied from the
            // body's bytes, not from slices of the body, each of which costs
            // Data's exclusivity checks (3.6 K instructions a 20-event stream).
            response.body.withUnsafeBytes { body in
                guard let address = body.baseAddress else { return }
                let start = response.body.startIndex
                for range in chunks {
                    steps.append(.chunk(Data(bytes: address + (range.lowerBound - start), count: range.count)))
                }
            }
        } else if !response.body.isEmpty {
            steps.append(.chunk(response.body.startIndex == 0 ? response.body : Data(response.body)))
        }
        steps.append(.finish)
        return steps
    }

    /// Performs the steps: at once on the calling thread when no step waits,
    /// otherwise on a private queue, made only then.
    package func start(_ perform: @escaping @Sendable (Step) -> Void) {
        if isImmediate {
            for (_, step) in steps { perform(step) }
        } else {
            run(from: 0, on: DispatchQueue(label: "VCR.ResponseDelivery"), perform)
        }
    }

    /// Stops the steps not yet performed.
    package func cancel() {
        cancelled.withLock { $0 = true }
    }

    private func run(from position: Int, on queue: DispatchQueue, _ perform: @escaping @Sendable (Step) -> Void) {
        guard position < steps.count, !cancelled.withLock({ $0 }) else { return }
        let (delay, step) = steps[position]
        let (seconds, attoseconds) = delay.components
        let nanoseconds = Int(min(seconds, 1_000_000_000)) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
        queue.asyncAfter(deadline: .now() + .nanoseconds(nanoseconds)) {
            guard !self.cancelled.withLock({ $0 }) else { return }
            perform(step)
            self.run(from: position + 1, on: queue, perform)
        }
    }
}

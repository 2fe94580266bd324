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
        // A body sent whole is not cut: it counts as one chunk for the schedule.
        let ranges = chunked ? response.chunkRanges(chunkSize: chunkSize) : []
        let chunkEnds =
            chunked
            ? ranges.map { $0.upperBound - response.body.startIndex }
            : response.body.isEmpty ? [] : [response.body.count]
        let schedule = DeliverySchedule(
            timing: timing, duration: response.duration, chunkEnds: chunkEnds, bodyLength: response.body.count,
            arrivals: response.chunkArrivals)
        var steps: [(delay: Duration, step: Step)] = []
        steps.reserveCapacity(chunkEnds.count + 2)
        steps.append((schedule.beforeHeaders, .headers(head)))
        if chunked {
            // Each chunk is copied into its own zero-based `Data`, as URLSession
            // delivers them: consumers may index a chunk from 0. Copied from the
            // body's bytes, not from slices of the body, each of which costs
            // Data's exclusivity checks (3.6 K instructions a 20-event stream).
            response.body.withUnsafeBytes { body in
                guard let address = body.baseAddress else { return }
                let start = response.body.startIndex
                for (delay, range) in zip(schedule.beforeChunks, ranges) {
                    let chunk = Data(bytes: address + (range.lowerBound - start), count: range.count)
                    steps.append((delay, .chunk(chunk)))
                }
            }
        } else if !response.body.isEmpty {
            let body = response.body.startIndex == 0 ? response.body : Data(response.body)
            steps.append((schedule.bodyDelay, .chunk(body)))
        }
        steps.append((.zero, .finish))
        self.steps = steps
        isImmediate = schedule.isImmediate
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

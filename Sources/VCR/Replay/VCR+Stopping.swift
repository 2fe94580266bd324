import Foundation
import VCRCassette

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Stopping: waiting for the recordings in flight, saving what was recorded
/// (``CassetteSave``), and the final report.
extension VCR {
    /// Ends the replay: later requests fail with ``ReplayError/stopped(request:cassettePath:)``,
    /// and the report lists the requests that were not answered and the
    /// interactions that were not used. Calling it again returns the same report.
    ///
    /// When the VCR records, the cassette is saved here, atomically, if anything
    /// was recorded, whether or not the test passed: under the file's lock,
    /// the recorded interactions are appended after what is on disk now, every
    /// existing byte kept (see the README's "Nothing lost" for the whole rule, ``Mode/all``
    /// included). A line on standard error tells where it was saved; a refused
    /// or failed save, a recording VCR that saw no request, and an ``Mode/all``
    /// recording kept from the file because a request failed are in
    /// ``ReplayReport/saveErrors``.
    ///
    /// Responses still being recorded, such as streams the client stopped
    /// reading early, are waited for first, up to
    /// ``Options/inFlightRecordingTimeout``; one still going then is saved with
    /// what had arrived, named on standard error and in
    /// ``ReplayReport/cutShortRecordings``. Do not call it from a URLSession
    /// callback, where the recordings it waits for cannot progress. A request
    /// sent while it saves fails at once; a second call waits for the first's report.
    @discardableResult
    public func stop() -> ReplayReport {
        let report = stopping.withLock { _ in
            state.withLock { $0.finalReport } ?? finish()
        }
        forwarder.invalidate()
        VCRRegistry.shared.release(slot: slot)
        return report
    }

    /// Waits for the recordings in flight, stops answering, then saves and
    /// builds the report from what the state held at that moment. The save
    /// runs outside the state's lock: it may wait for the file's lock and
    /// scans every recording, and a request arriving meanwhile fails at once
    /// as stopped rather than waiting for it.
    private func finish() -> ReplayReport {
        waitForRecordings()
        var stopped = state.withLock { state in
            state.isStopped = true
            // A recording that ends from now on is dropped: what had arrived of it is kept below.
            defer { state.inFlight = [:] }
            return state
        }
        let cutShort = keepCutShortRecordings(&stopped)
        let saved = saving.run(stopped)
        let report = ReplayReport(
            cassettePath: cassettePath,
            interactionCount: cassette.interactions.count,
            servedCount: stopped.servedCount,
            unmatchedRequests: stopped.unmatchedRequests,
            failedRequests: stopped.failedRequests,
            unusedInteractions: cassette.interactions.indices.filter { !stopped.isUsed($0) }.map {
                cassette.interactions[$0]
            },
            recordedInteractions: saved.recorded,
            cutShortRecordings: cutShort,
            passedThroughRequests: stopped.passedThrough,
            isSaved: saved.isSaved,
            saveErrors: saved.errors)
        state.withLock { $0.finalReport = report }
        return report
    }

    /// Refuses new recordings, then waits, up to ``Options/inFlightRecordingTimeout``,
    /// for the responses still being recorded to end.
    private func waitForRecordings() {
        let drained = DispatchSemaphore(value: 0)
        let waits = state.withLock { state in
            state.isStopping = true
            guard !state.isStopped, !state.inFlight.isEmpty else { return false }
            state.inFlightWaiters.append(drained)
            return true
        }
        guard waits else { return }
        let (seconds, attoseconds) = options.inFlightRecordingTimeout.components
        let nanoseconds = max(0, min(seconds, 1_000_000_000)) * 1_000_000_000 + attoseconds / 1_000_000_000
        _ = drained.wait(timeout: .now() + .nanoseconds(Int(nanoseconds)))
    }

    /// Keeps what has arrived of the responses still in flight, after the
    /// recorded ones, in the state ``finish()`` saves, and says so on standard
    /// error; returns them with those that failed after their clients had
    /// gone, in the order they started, as the report lists them.
    private func keepCutShortRecordings(_ state: inout ReplayState) -> [CutShortRecording] {
        let stillArriving = state.inFlight.sorted { $0.key < $1.key }.map { number, recording in
            let request = redaction.redact(RecordedExchange.request(recording.request))
            guard let received = recording.exchange.received(),
                var interaction = recordPipeline.process(
                    Interaction(id: 0, request: RecordedExchange.request(recording.request), response: received))
            else {
                return (number, CutShortRecording(method: request.method, url: request.url, interaction: nil))
            }
            interaction.id = cassette.interactions.count + state.recorded.count
            state.recorded.append(interaction)
            return (number, CutShortRecording(method: request.method, url: request.url, interaction: interaction))
        }
        state.inFlight = [:]
        if !stillArriving.isEmpty {
            let count = stillArriving.count
            let lines =
                [
                    "VCR: \(count) response\(count == 1 ? " was" : "s were") still arriving when \(cassettePath) "
                        + "was saved, \(options.inFlightRecordingTimeout) after stop(); raise "
                        + "VCR.Options.inFlightRecordingTimeout to wait longer:"
                ] + stillArriving.map { "  \($0.1)" }
            FileHandle.standardError.write(Data((MessageMask.masked(lines.joined(separator: "\n")) + "\n").utf8))
        }
        return (state.cutShort.map { ($0.key, $0.value) } + stillArriving).sorted { $0.0 < $1.0 }.map(\.1)
    }
}

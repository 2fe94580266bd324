import Foundation
import TestSupport
import Testing
import VCR
import VCRCassette

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Streams the client stops reading early, recorded against the local server:
/// the client gets its cancellation at once, while the recorder reads the
/// response to its end, so the cassette holds the whole response as the server
/// sent it and replays it whole.
@Suite(.serialized) struct CancelledRecordingTests {
    /// Recording options for these tests: quiet, and a bound on `stop()`'s wait
    /// that a whole stream never needs but keeps a broken test from hanging.
    private static let options = VCR.Options(printsMismatches: false, inFlightRecordingTimeout: .seconds(20))

    /// A server, a folder for cassettes, and a cassette path in it.
    private struct Setup {
        let server: LocalServer
        let folder: URL
        var cassette: URL { folder.appendingPathComponent("cancelled.yaml") }

        init() throws {
            server = try LocalServer()
            folder = try TemporaryFolder.make("vcr-record")
        }

        func tearDown() {
            try? server.shutdown()
            try? FileManager.default.removeItem(at: folder)
        }
    }

    /// Checks the cassette at `url` holds, for each URL, exactly the bytes the
    /// server sent, and that each replays whole, chunk by chunk, in `never` mode.
    private func expectWholeStreams(
        in url: URL, _ expected: [URL: Data], sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let cassette = try Cassette(contentsOf: url)
        #expect(cassette.interactions.count == expected.count, sourceLocation: sourceLocation)
        for interaction in cassette.interactions {
            let body = try #require(
                URL(string: interaction.request.url).flatMap { expected[$0] }, sourceLocation: sourceLocation)
            #expect(interaction.response.body == body, "\(interaction.request.url)", sourceLocation: sourceLocation)
            #expect(interaction.response.status == "200 OK", sourceLocation: sourceLocation)
        }
        let vcr = try VCR(cassette: url, mode: .never, options: Self.options)
        try await withThrowingTaskGroup(of: (URL, EventStreamReader.Outcome).self) { group in
            for streamURL in expected.keys {
                group.addTask {
                    (
                        streamURL,
                        await EventStreamReader.read(URLRequest(url: streamURL), configuration: vcr.makeConfiguration())
                    )
                }
            }
            for try await (streamURL, replayed) in group {
                #expect(replayed.error == nil && !replayed.timedOut, "\(streamURL)", sourceLocation: sourceLocation)
                #expect(replayed.body == expected[streamURL], "\(streamURL)", sourceLocation: sourceLocation)
                #expect(replayed.chunkCount > 1, sourceLocation: sourceLocation)
            }
        }
        try vcr.stop().check()
    }

    /// Waits, at most `bound` seconds, until the server received `count` requests.
    private func waitForRequests(_ count: Int, on server: LocalServer, bound: TimeInterval = 10) async throws {
        let deadline = Date().addingTimeInterval(bound)
        while server.received.count < count, Date() < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(server.received.count >= count, "the server received the requests")
    }

    @Test func aStreamWhoseDataDelegateCancelsAfterAFewEventsIsRecordedWhole() async throws {
        let setup = try Setup()
        defer { setup.tearDown() }
        let url = setup.server.url("/stream?events=48&gap=10")
        let vcr = try VCR(cassette: setup.cassette, mode: .all, options: Self.options)
        let outcome = await EventStreamReader.read(
            URLRequest(url: url), configuration: vcr.makeConfiguration(), stop: .cancelTask(afterEvents: 3))
        #expect(outcome.wasCancelled)
        #expect(outcome.eventCount >= 3)
        #expect(outcome.eventCount < 48, "the client stopped before the stream ended")
        #expect(LocalServer.streamBody().starts(with: outcome.body))
        let report = vcr.stop()
        #expect(report.cutShortRecordings.isEmpty)
        #expect(report.isSaved)
        #expect(report.recordedInteractions.map(\.response.body) == [LocalServer.streamBody()])
        try await expectWholeStreams(in: setup.cassette, [url: LocalServer.streamBody()])
        try RecordingSupport.expectValid(setup.cassette)

        // Replayed, a client that stops early stops where it stops (the replay
        // may deliver everything before its cancellation lands).
        let replay = try VCR(cassette: setup.cassette, mode: .never, options: Self.options)
        let again = await EventStreamReader.read(
            URLRequest(url: url), configuration: replay.makeConfiguration(), stop: .cancelTask(afterEvents: 3))
        #expect(!again.timedOut)
        #expect(again.eventCount >= 3)
        #expect(LocalServer.streamBody().starts(with: again.body))
        try replay.stop().check()
    }

    @Test func aCancelledTaskAroundDataForGetsItsCancellationAndTheStreamIsRecordedWhole() async throws {
        let setup = try Setup()
        defer { setup.tearDown() }
        let url = setup.server.url("/stream?events=60&gap=10")
        let vcr = try VCR(cassette: setup.cassette, mode: .all, options: Self.options)
        let task = Task { try await vcr.session.data(for: URLRequest(url: url)) }
        try await waitForRequests(1, on: setup.server)
        task.cancel()
        let result = await task.result
        switch result {
        case .success:
            Issue.record("the cancelled task received the whole response")
        case .failure(let error):
            #expect(error is CancellationError || (error as? URLError)?.code == .cancelled, "\(error)")
        }
        let report = vcr.stop()
        #expect(report.cutShortRecordings.isEmpty)
        #expect(report.isSaved)
        try await expectWholeStreams(in: setup.cassette, [url: LocalServer.streamBody(events: 60)])
    }

    @Test func aSessionInvalidatedMidStreamStillLeavesTheWholeStreamRecorded() async throws {
        let setup = try Setup()
        defer { setup.tearDown() }
        let url = setup.server.url("/stream?events=48&gap=10")
        let vcr = try VCR(cassette: setup.cassette, mode: .all, options: Self.options)
        let outcome = await EventStreamReader.read(
            URLRequest(url: url), configuration: vcr.makeConfiguration(), stop: .invalidateSession(afterEvents: 2))
        #expect(outcome.wasCancelled)
        #expect(outcome.eventCount < 48)
        let report = vcr.stop()
        #expect(report.cutShortRecordings.isEmpty)
        try await expectWholeStreams(in: setup.cassette, [url: LocalServer.streamBody()])
    }

    /// Eight streams at once on one VCR, each cancelled at a random event;
    /// returns the cassette's expected streams.
    private func recordEightCancelledStreams(on server: LocalServer, into cassette: URL, round: Int) async throws
        -> [URL: Data]
    {
        let vcr = try VCR(cassette: cassette, mode: .all, options: Self.options)
        let expected = Dictionary(
            uniqueKeysWithValues: (0..<8).map { stream in
                let events = 40 + stream
                return (
                    server.url("/stream?events=\(events)&round=\(round)&stream=\(stream)"),
                    LocalServer.streamBody(events: events)
                )
            })
        await withTaskGroup(of: Void.self) { group in
            for (url, body) in expected {
                let stopAt = Int.random(in: 1...39)
                group.addTask {
                    let outcome = await EventStreamReader.read(
                        URLRequest(url: url), configuration: vcr.makeConfiguration(),
                        stop: .cancelTask(afterEvents: stopAt))
                    #expect(!outcome.timedOut, "\(url)")
                    // A cancellation near the end may land after the last event.
                    #expect(outcome.wasCancelled || outcome.body == body, "\(url)")
                    #expect(body.starts(with: outcome.body), "\(url)")
                }
            }
        }
        let report = vcr.stop()
        #expect(report.cutShortRecordings.isEmpty)
        #expect(report.saveErrors.isEmpty)
        #expect(report.recordedInteractions.map(\.id) == Array(0..<8))
        return expected
    }

    @Test func eightConcurrentStreamsCancelledAtRandomEventsAreAllRecordedWhole() async throws {
        let setup = try Setup()
        defer { setup.tearDown() }
        let expected = try await recordEightCancelledStreams(on: setup.server, into: setup.cassette, round: 0)
        try await expectWholeStreams(in: setup.cassette, expected)
        try RecordingSupport.expectValid(setup.cassette)
    }

    /// Repeats the eight cancelled streams for five rounds: every round's
    /// cassette holds every whole response.
    @Test func cancelledStreamsStayWholeRoundAfterRound() async throws {
        let setup = try Setup()
        defer { setup.tearDown() }
        for round in 0..<5 {
            let cassette = setup.folder.appendingPathComponent("round-\(round).yaml")
            let expected = try await recordEightCancelledStreams(on: setup.server, into: cassette, round: round)
            try await expectWholeStreams(in: cassette, expected)
        }
    }

    @Test func stopSavesWhatArrivedOfAStreamThatNeverEndsAndReportsItCutShort() async throws {
        let setup = try Setup()
        defer { setup.tearDown() }
        let stalled = setup.server.url("/stall")
        let silent = setup.server.url("/silent")
        let finished = setup.server.url("/stream?events=40")
        let vcr = try VCR(
            cassette: setup.cassette, mode: .all,
            options: VCR.Options(printsMismatches: false, inFlightRecordingTimeout: .milliseconds(300)))
        let whole = await EventStreamReader.read(URLRequest(url: finished), configuration: vcr.makeConfiguration())
        #expect(whole.body == LocalServer.streamBody(events: 40))
        // Only stop() ends the stall: a session's 60 s timeout, reached on a
        // loaded machine, would end it as a failed request.
        let stall = await EventStreamReader.read(
            URLRequest(url: stalled, timeoutInterval: 3600), configuration: vcr.makeConfiguration(),
            stop: .cancelTask(afterEvents: 3))
        #expect(stall.wasCancelled)
        let silentTask = Task { try await vcr.session.data(for: URLRequest(url: silent)) }
        try await waitForRequests(3, on: setup.server)
        silentTask.cancel()
        _ = await silentTask.result

        let report = vcr.stop()
        #expect(report.isSaved)
        #expect(report.cutShortRecordings.map(\.url) == [stalled.absoluteString, silent.absoluteString])
        let cutStall = try #require(report.cutShortRecordings.first?.interaction)
        #expect(cutStall.id == 1)
        #expect(cutStall.response.body == LocalServer.stallPrefix)
        #expect(report.cutShortRecordings.last?.interaction == nil, "no headers arrived: nothing to save")
        #expect(throws: ReplayFailure.self) { try report.check() }
        #expect(report.description.contains("cut short: GET \(stalled.absoluteString)"))

        let cassette = try Cassette(contentsOf: setup.cassette)
        #expect(cassette.interactions.map(\.request.url) == [finished.absoluteString, stalled.absoluteString])
        #expect(
            cassette.interactions.map(\.response.body) == [LocalServer.streamBody(events: 40), LocalServer.stallPrefix])
        try RecordingSupport.expectValid(setup.cassette)
    }

    /// The client cancels after the first events; then the forwarded request
    /// times out, an error nobody sees: what had arrived is kept and the
    /// recording is reported cut short, naming the error.
    @Test func aStreamThatFailsAfterItsClientLeftKeepsWhatArrivedAndIsReportedCutShort() async throws {
        let setup = try Setup()
        defer { setup.tearDown() }
        let stalled = setup.server.url("/stall")
        let vcr = try VCR(cassette: setup.cassette, mode: .all, options: Self.options)
        let stall = await EventStreamReader.read(
            URLRequest(url: stalled, timeoutInterval: 2), configuration: vcr.makeConfiguration(),
            stop: .cancelTask(afterEvents: 1))
        #expect(stall.wasCancelled)

        // stop() waits for the recording, which the timeout ends.
        let report = vcr.stop()
        #expect(report.isSaved)
        let cutShort = try #require(report.cutShortRecordings.first)
        #expect(report.cutShortRecordings.count == 1)
        #expect(cutShort.url == stalled.absoluteString)
        #expect(cutShort.interaction?.response.body == LocalServer.stallPrefix)
        #expect(cutShort.failure?.contains("URLError \(URLError.timedOut.rawValue)") == true)
        #expect(cutShort.description.contains("the request failed after its client had gone"))
        #expect(throws: ReplayFailure.self) { try report.check() }
        let cassette = try Cassette(contentsOf: setup.cassette)
        #expect(cassette.interactions.map(\.response.body) == [LocalServer.stallPrefix])
        try RecordingSupport.expectValid(setup.cassette)
    }

    @Test func theCallersTimeoutIntervalAppliesToTheForwardedRequest() async throws {
        let setup = try Setup()
        defer { setup.tearDown() }
        let slow = setup.server.url("/slow?ms=2500")
        let vcr = try VCR(cassette: setup.cassette, mode: .all, options: Self.options)

        var short = URLRequest(url: slow)
        short.timeoutInterval = 1
        await #expect(throws: URLError(.timedOut)) { try await vcr.session.data(for: short) }

        let configuration = vcr.makeConfiguration()
        configuration.timeoutIntervalForRequest = 1
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        await #expect(throws: URLError(.timedOut)) { try await session.data(for: URLRequest(url: slow)) }

        var patient = URLRequest(url: slow)
        patient.timeoutInterval = 10
        let (data, _) = try await vcr.session.data(for: patient)
        #expect(data == LocalServer.slowBody)

        let report = vcr.stop()
        #expect(report.recordedInteractions.count == 1, "timed-out requests are not recorded")
        #expect(report.cutShortRecordings.isEmpty)
    }
}

import Foundation
import Testing
import VCRCassette

@testable import VCR

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Real URLSession calls through the interceptor, covering FoundationNetworking's
/// traps (README, "Platforms") one by one.
@Suite struct ReplaySessionTests {
    private static let events = Fixtures.serverSentEvents(12)

    private func vcr(_ interactions: [Interaction], _ options: VCR.Options = Fixtures.quiet) -> VCR {
        VCR(cassette: Cassette(interactions: interactions), path: "/cassettes/session.yaml", options: options)
    }

    private func streamed(_ id: Int = 0, method: String = "GET", requestBody: String = "") -> Interaction {
        Fixtures.interaction(
            id, method: method, requestBody: requestBody, headers: ["Content-Type": ["text/event-stream"]],
            body: Self.events, contentLength: -1)
    }

    private var itemsURL: URL { URL(string: "https://api.example.com/items")! }

    @Test func dataForReceivesStatusHeadersAndBodyAsRecorded() async throws {
        let vcr = vcr([
            Fixtures.interaction(
                0, code: 201,
                headers: ["Content-Type": ["application/json"], "X-Multi": ["a", "b"], "x-request-id": ["r1"]],
                body: #"{"id": 7}"#)
        ])
        let (data, response) = try await vcr.session.data(for: URLRequest(url: itemsURL))
        let http = try #require(response as? HTTPURLResponse)
        #expect(http.statusCode == 201)
        #expect(http.value(forHTTPHeaderField: "x-multi") == "a, b")
        #expect(http.value(forHTTPHeaderField: "X-Request-ID") == "r1")
        #expect(http.allHeaderFields.count == 3)
        #expect(data == Data(#"{"id": 7}"#.utf8))
        try vcr.stop().check()
    }

    /// With repeats, an interaction's `HTTPURLResponse` is kept for the URL it
    /// was made for; a request to another URL gets its own.
    @Test func aRepeatedInteractionAnswersEachRequestWithItsOwnURL() async throws {
        var options = Fixtures.quiet
        options.allowsRepeats = true
        options.matchers = [.method, .path]
        let vcr = vcr(
            [Fixtures.interaction(0, url: "https://api.example.com/items?page=1", headers: ["X-Page": ["1"]])],
            options)
        for page in [1, 2, 2, 1] {
            let url = try #require(URL(string: "https://api.example.com/items?page=\(page)"))
            let (data, response) = try await vcr.session.data(for: URLRequest(url: url))
            let http = try #require(response as? HTTPURLResponse)
            #expect(http.url == url)
            #expect(http.statusCode == 200)
            #expect(http.value(forHTTPHeaderField: "X-Page") == "1")
            #expect(data == Data("{}".utf8))
        }
        let report = vcr.stop()
        #expect(report.servedCount == 4)
        try report.check()
    }

    /// With repeats and a `beforeReplay` hook, every request gets what the hook made of it.
    @Test func aRepeatedInteractionGoesThroughTheReplayHookEachTime() async throws {
        var options = Fixtures.quiet
        options.allowsRepeats = true
        options.beforeReplay.append { response, request, _ in
            response.headers["X-Seen"] = [request.headers["X-Attempt"]?.first ?? "none"]
        }
        let vcr = vcr([Fixtures.interaction(0)], options)
        for attempt in 1...3 {
            var request = URLRequest(url: itemsURL)
            request.setValue("\(attempt)", forHTTPHeaderField: "X-Attempt")
            let (_, response) = try await vcr.session.data(for: request)
            let http = try #require(response as? HTTPURLResponse)
            #expect(http.value(forHTTPHeaderField: "X-Seen") == "\(attempt)")
        }
        try vcr.stop().check()
    }

    @Test(arguments: [
        // Every name in Go's canonical form, and names that differ in case alone.
        (["Content-Type": ["text/plain"], "X-Trace": ["a", "b"]], "a, b", 2),
        (["Content-Type": ["text/plain"], "X-Trace": ["a"], "x-trace": ["b"], "X-TRACE": ["c"]], "c, a, b", 2),
    ])
    func namesDifferingOnlyInCaseReachTheCallerAsOneField(
        headers: [String: [String]], trace: String, fieldCount: Int
    ) async throws {
        let vcr = vcr([Fixtures.interaction(0, headers: headers, body: "ok")])
        let (_, response) = try await vcr.session.data(for: URLRequest(url: itemsURL))
        let http = try #require(response as? HTTPURLResponse)
        #expect(http.value(forHTTPHeaderField: "x-trace") == trace)
        #expect(http.allHeaderFields.count == fieldCount)
        try vcr.stop().check()
    }

    @Test func dataForReceivesTheWholeStreamedBody() async throws {
        let vcr = vcr([streamed()])
        let (data, _) = try await vcr.session.data(for: URLRequest(url: itemsURL))
        #expect(data == Data(Self.events.utf8))
    }

    @Test func aCompletionHandlerReceivesTheWholeStreamedBody() async throws {
        let vcr = vcr([streamed()])
        let data: Data = try await withCheckedThrowingContinuation { continuation in
            vcr.session.dataTask(with: itemsURL) { data, _, error in
                if let error {
                    continuation.resume(throwing: error)
                } else {
                    continuation.resume(returning: data ?? Data())
                }
            }.resume()
        }
        #expect(data == Data(Self.events.utf8))
    }

    @Test func uploadForFromReceivesTheWholeBodyAndIsMatchedOnItsUploadedBody() async throws {
        // The body given to upload(for:from:) is neither httpBody nor a stream for the protocol.
        let vcr = vcr([
            Fixtures.interaction(0, method: "POST", requestBody: #"{"n":1}"#, body: "one"),
            streamed(1, method: "POST", requestBody: #"{"n":2}"#),
        ])
        var request = URLRequest(url: itemsURL)
        request.httpMethod = "POST"
        let (data, _) = try await vcr.session.upload(for: request, from: Data(#"{"n": 2}"#.utf8))
        #expect(data == Data(Self.events.utf8))
        #expect(vcr.stop().unusedInteractions.map(\.id) == [0])
    }

    @Test func aBodyRespelledAsJSONIsAnsweredByTheOnlyRecordingOfItsMethodAndURL() async throws {
        // A method and URL with one recorded body: it is parsed only when a request's bytes differ.
        let vcr = vcr([streamed(0, method: "POST", requestBody: #"{"model":"m","stream":true}"#)])
        var request = URLRequest(url: itemsURL)
        request.httpMethod = "POST"
        request.httpBody = Data(#"{ "stream": true, "model": "m" }"#.utf8)
        let (data, _) = try await vcr.session.data(for: request)
        #expect(data == Data(Self.events.utf8))
        try vcr.stop().check()
    }

    @Test func anUploadFromAFileIsMatchedOnTheFilesBytes() async throws {
        let vcr = vcr([
            Fixtures.interaction(0, method: "POST", requestBody: "from memory", body: "memory"),
            Fixtures.interaction(1, method: "POST", requestBody: "from a file", body: "file"),
        ])
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("vcr-upload-\(UUID().uuidString)")
        try Data("from a file".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        var request = URLRequest(url: itemsURL)
        request.httpMethod = "POST"
        let data: Data = try await withCheckedThrowingContinuation { continuation in
            vcr.session.uploadTask(with: request, fromFile: file) { data, _, error in
                if let error {
                    continuation.resume(throwing: error)
                } else {
                    continuation.resume(returning: data ?? Data())
                }
            }.resume()
        }
        #expect(data == Data("file".utf8))
    }

    @Test func aDataDelegateReceivesTheChunksOneByOne() async throws {
        let vcr = vcr([streamed()])
        let outcome = await ChunkRecorder.run(URLRequest(url: itemsURL), configuration: vcr.makeConfiguration())
        #expect(outcome.error == nil)
        #expect(outcome.response?.statusCode == 200)
        #expect(outcome.chunks.count == 12)
        #expect(outcome.chunks.first == Data("data: {\"n\":0}\n\n".utf8))
        #expect(outcome.body == Data(Self.events.utf8))
        // Each chunk is a Data of its own, indexed from 0, as URLSession delivers them.
        #expect(outcome.chunks.allSatisfy { $0.startIndex == 0 })
    }

    @Test func dataForOnASessionWithADataDelegateReceivesTheWholeBody() async throws {
        let vcr = vcr([streamed(0), streamed(1)])
        let recorder = ChunkRecorder()
        let session = URLSession(configuration: vcr.makeConfiguration(), delegate: recorder, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let (data, _) = try await session.data(for: URLRequest(url: itemsURL))
        #expect(data == Data(Self.events.utf8))
        let handled: Data = try await withCheckedThrowingContinuation { continuation in
            session.dataTask(with: itemsURL) { data, _, error in
                if let error {
                    continuation.resume(throwing: error)
                } else {
                    continuation.resume(returning: data ?? Data())
                }
            }.resume()
        }
        #expect(handled == Data(Self.events.utf8))
    }

    @Test func anUploadTaskWithADataDelegateReceivesTheChunks() async throws {
        let vcr = vcr([streamed(0, method: "PUT", requestBody: "payload")])
        let recorder = ChunkRecorder()
        let session = URLSession(configuration: vcr.makeConfiguration(), delegate: recorder, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        var request = URLRequest(url: itemsURL)
        request.httpMethod = "PUT"
        let outcome = await recorder.run { session.uploadTask(with: request, from: Data("payload".utf8)) }
        #expect(outcome.chunks.count == 12)
        #expect(outcome.body == Data(Self.events.utf8))
    }

    @Test func aBodyStreamIsReadToItsEnd() async throws {
        let body = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 * 7) })
        var interaction = Fixtures.interaction(0, method: "POST", body: "stream")
        interaction.request.body = body
        let vcr = vcr([Fixtures.interaction(1, method: "POST", requestBody: "other"), interaction])
        var request = URLRequest(url: itemsURL)
        request.httpMethod = "POST"
        request.httpBodyStream = InputStream(data: body)
        let (data, _) = try await vcr.session.data(for: request)
        #expect(data == Data("stream".utf8))
    }

    @Test func anUnreadableBodyStreamFailsTheRequest() async throws {
        let vcr = vcr([Fixtures.interaction(0, method: "POST")])
        var request = URLRequest(url: itemsURL)
        request.httpMethod = "POST"
        request.httpBodyStream = InputStream(fileAtPath: "/nonexistent/vcr/body")
        await #expect {
            _ = try await vcr.session.data(for: request)
        } throws: { error in
            if case .unreadableBody = error as? ReplayError { return true }
            return false
        }
        #expect(vcr.stop().failedRequests.count == 1)
    }

    @Test func anUploadTaskWhoseBodyCannotBeReadFailsTheRequest() async throws {
        // Matching it as a body-less request would answer it with the wrong interaction.
        let vcr = vcr([Fixtures.interaction(0, method: "POST", body: "body-less")])
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("vcr-missing-\(UUID().uuidString)")
        var request = URLRequest(url: itemsURL)
        request.httpMethod = "POST"
        let error: Error? = await withCheckedContinuation { continuation in
            vcr.session.uploadTask(with: request, fromFile: file) { _, _, error in continuation.resume(returning: error)
            }
            .resume()
        }
        let failure = try #require(vcr.stop().failedRequests.first)
        guard case .unreadableUploadBody = failure else {
            Issue.record("expected unreadableUploadBody, got \(failure)")
            return
        }
        #expect(error != nil)
        #expect(failure.description.contains("POST https://api.example.com/items"))
    }

    #if canImport(FoundationNetworking)
    @Test func everyReflectedNameResolvesOnThisToolchain() {
        final class DataDelegate: NSObject, URLSessionDataDelegate {}
        let session = URLSession(configuration: .ephemeral, delegate: DataDelegate(), delegateQueue: nil)
        defer { session.invalidateAndCancel() }
        var request = URLRequest(url: itemsURL)
        request.httpMethod = "POST"
        let unresolved = TaskInspection.unresolvedNames(
            session: session, dataTask: session.dataTask(with: itemsURL),
            uploadTask: session.uploadTask(with: request, from: Data("payload".utf8)))
        #expect(unresolved == [])
    }
    #endif

    @Test func theSessionsAdditionalHeadersAreMatched() async throws {
        // FoundationNetworking does not add httpAdditionalHeaders to the request a protocol sees.
        var options = Fixtures.quiet
        options.matchers = [.method, .url, .headers("X-Api-Version", "Accept")]
        let vcr = vcr(
            [
                Fixtures.interaction(
                    0, requestHeaders: ["X-Api-Version": ["1"], "Accept": ["text/plain"]], body: "v1"),
                Fixtures.interaction(
                    1, requestHeaders: ["X-Api-Version": ["2"], "Accept": ["text/plain"]], body: "v2"),
            ], options)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpAdditionalHeaders = ["X-Api-Version": "2", "Accept": "application/json"]
        vcr.configure(configuration)
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        var request = URLRequest(url: itemsURL)
        request.setValue("text/plain", forHTTPHeaderField: "Accept")
        let (data, _) = try await session.data(for: request)
        #expect(data == Data("v2".utf8))
    }

    @Test func configureInsertsTheInterceptorFirstOnce() {
        final class Other: URLProtocol {}
        let first = vcr([])
        let second = vcr([])
        let configuration = URLSessionConfiguration.default
        configuration.protocolClasses = [Other.self]
        first.configure(configuration)
        first.configure(configuration)
        second.configure(configuration)
        let classes = configuration.protocolClasses ?? []
        let interceptor = { (vcr: VCR) in vcr.makeConfiguration().protocolClasses?.first }
        #expect(classes.count == 2)
        #expect(classes.first == interceptor(second))
        #expect(classes.last == Other.self)
        #expect(interceptor(first) != interceptor(second))
    }

    /// A `URLCache` would be consulted on every request (on Linux it lists its
    /// folder on disk each time) for responses the interceptor never lets it store.
    @Test func madeConfigurationsHaveNoCache() {
        let configuration = vcr([]).makeConfiguration()
        #expect(configuration.urlCache == nil)
    }

    @Test func aReconfiguredSessionIsAnsweredByTheLastVCR() async throws {
        let first = vcr([Fixtures.interaction(0, body: "first")])
        let second = vcr([Fixtures.interaction(0, body: "second")])
        let configuration = first.makeConfiguration()
        second.configure(configuration)
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        #expect(try await session.data(for: URLRequest(url: itemsURL)).0 == Data("second".utf8))
        #expect(first.stop().servedCount == 0)
        #expect(second.stop().servedCount == 1)
    }

    @Test(arguments: [0, 1, 2, 3, 6, 255, 256, 1_000_003])
    func everySlotHasItsOwnInterceptorClass(_ number: Int) {
        let slotClass = ObjectIdentifier(InterceptorSlots.interceptorClass(forSlot: number))
        #expect(InterceptorSlots.slot(of: InterceptorSlots.interceptorClass(forSlot: number)) == number)
        #expect(slotClass == ObjectIdentifier(InterceptorSlots.interceptorClass(forSlot: number)))
        #expect(slotClass != ObjectIdentifier(InterceptorSlots.interceptorClass(forSlot: number + 1)))
    }

    #if canImport(FoundationNetworking)
    @Test func registerClassDoesNotReachAnEphemeralSession() async throws {
        // Why a VCR configures sessions instead of calling URLProtocol.registerClass.
        _ = URLProtocol.registerClass(ProbeProtocol.self)
        defer { URLProtocol.unregisterClass(ProbeProtocol.self) }
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        // Port 9 on the loopback interface: nothing listens, so the request fails fast if it is not intercepted.
        let url = URL(string: "http://127.0.0.1:9/\(ProbeProtocol.marker)")!
        let result = await Result(catching: { try await session.data(for: URLRequest(url: url)) })
        #expect(throws: (any Error).self) { try result.get() }
        #expect(ProbeProtocol.answered.withLock { $0 } == 0)
    }

    @Test func propertyMarkersAreLostWhenARequestIsBridged() {
        // Why the VCR's id travels in a header, not in a URLProtocol property.
        let request = NSMutableURLRequest(url: itemsURL)
        URLProtocol.setProperty(true, forKey: "vcr", in: request)
        #expect(URLProtocol.property(forKey: "vcr", in: request as URLRequest) == nil)
    }
    #else
    @Test func bytesForStreamsTheWholeBody() async throws {
        // On Linux `bytes(for:)` does not exist; streaming consumers use a data delegate.
        let vcr = vcr([streamed()])
        let (bytes, _) = try await vcr.session.bytes(for: URLRequest(url: itemsURL))
        var received = Data()
        for try await byte in bytes { received.append(byte) }
        #expect(received == Data(Self.events.utf8))
    }
    #endif

    @Test func aMismatchFailsTheRequestWithAMismatchError() async throws {
        let vcr = vcr([Fixtures.interaction(0)])
        var request = URLRequest(url: URL(string: "https://api.example.com/other")!)
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        await #expect {
            _ = try await vcr.session.data(for: request)
        } throws: { error in
            guard let mismatch = error as? MismatchError else { return false }
            return mismatch.request.url == "https://api.example.com/other"
                && mismatch.candidates.map(\.interaction.id) == [0]
                && mismatch.request.headerValues("accept") == ["application/json"]
        }
        let report = vcr.stop()
        #expect(report.unmatchedRequests.count == 1)
        #expect(report.unusedInteractions.map(\.id) == [0])
        #expect(throws: ReplayFailure.self) { try report.check() }
    }

    @Test func requestsAfterStopFail() async throws {
        let vcr = vcr([Fixtures.interaction(0), Fixtures.interaction(1)])
        _ = try await vcr.session.data(for: URLRequest(url: itemsURL))
        let report = vcr.stop()
        #expect(report.servedCount == 1)
        await #expect {
            _ = try await vcr.session.data(for: URLRequest(url: itemsURL))
        } throws: { error in
            if case .stopped = error as? ReplayError { return true }
            return false
        }
        #expect(vcr.stop().servedCount == 1)
        #expect(throws: ReplayFailure.self) { try report.check(allowingUnused: false) }
        try report.check()
    }

    @Test func aVCRLivesUntilStopped() async throws {
        let configuration = vcr([Fixtures.interaction(0, body: "alive")]).makeConfiguration()
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let (data, _) = try await session.data(for: URLRequest(url: itemsURL))
        #expect(data == Data("alive".utf8))
    }

    @Test func aSessionWhoseVCRIsGoneFails() async throws {
        var configuration: URLSessionConfiguration?
        do {
            let vcr = vcr([Fixtures.interaction(0)])
            configuration = vcr.makeConfiguration()
            vcr.stop()
        }
        let session = URLSession(configuration: try #require(configuration))
        defer { session.finishTasksAndInvalidate() }
        await #expect {
            _ = try await session.data(for: URLRequest(url: itemsURL))
        } throws: { error in
            if case .noVCR = error as? ReplayError { return true }
            return false
        }
    }

    @Test func anEmptyBodyArrivesEmpty() async throws {
        let vcr = vcr([
            Fixtures.interaction(0, code: 204, headers: [:], body: ""),
            Fixtures.interaction(1, code: 204, headers: [:], body: ""),
        ])
        let (data, response) = try await vcr.session.data(for: URLRequest(url: itemsURL))
        #expect(data.isEmpty)
        #expect((response as? HTTPURLResponse)?.statusCode == 204)
        let outcome = await ChunkRecorder.run(URLRequest(url: itemsURL), configuration: vcr.makeConfiguration())
        #expect(outcome.error == nil)
        #expect(outcome.chunks.isEmpty)
    }

    @Test func onlyHTTPRequestsAreIntercepted() {
        #expect(ReplayProtocol.canInit(with: URLRequest(url: URL(string: "HTTPS://example.com")!)))
        #expect(!ReplayProtocol.canInit(with: URLRequest(url: URL(fileURLWithPath: "/tmp/x"))))
    }
}

/// A protocol registered globally by one test; it claims only its own marker URL.
final class ProbeProtocol: URLProtocol {
    static let marker = "vcr-register-class-probe"
    static let answered = Locked(0)

    override class func canInit(with request: URLRequest) -> Bool {
        request.url?.path.contains(marker) ?? false
    }

    override class func canonicalRequest(for request: URLRequest) -> URLRequest {
        request
    }

    override func startLoading() {
        Self.answered.withLock { $0 += 1 }
        client?.urlProtocol(self, didFailWithError: URLError(.cancelled))
    }

    override func stopLoading() {}
}

extension Result where Failure == any Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}

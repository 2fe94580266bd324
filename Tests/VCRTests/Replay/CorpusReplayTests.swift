import Foundation
import Testing
import VCRCassette

@testable import VCR

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Every real cassette (the fantasy corpus and the seed) replayed through real
/// URLSession calls, once per way a caller can read a response.
@Suite struct CorpusReplayTests {
    /// How a caller reads the response.
    enum Caller: String, CaseIterable, Sendable {
        case dataDelegate
        case dataFor
        case uploadForFrom
        case completionHandler
        case dataForOnDelegateSession
    }

    struct Received {
        var response: HTTPURLResponse?
        var body: Data
        var chunks: Int
    }

    @Test func theCorpusIsThere() {
        #expect(Fixtures.fantasyCassettes.count == 29)
    }

    @Test(arguments: Fixtures.realCassettes)
    func everyCallerReceivesEveryResponseAsRecorded(_ name: String) async throws {
        let url = Fixtures.url(ofRealCassette: name)
        let cassette = try Cassette(contentsOf: url)
        #expect(!cassette.interactions.isEmpty)
        for caller in Caller.allCases {
            let vcr = try VCR(cassette: url, options: Fixtures.quiet)
            for interaction in cassette.interactions {
                let received = try await receive(Fixtures.request(for: interaction.request), from: vcr, as: caller)
                let recorded = interaction.response
                let context = "\(name) #\(interaction.id) via \(caller)"
                #expect(received.response?.statusCode == recorded.code, "\(context)")
                #expect(received.body == recorded.body, "\(context)")
                for (field, values) in recorded.headers {
                    #expect(
                        received.response?.value(forHTTPHeaderField: field) == values.joined(separator: ", "),
                        "\(context): \(field)")
                }
                if caller == .dataDelegate {
                    let planned = recorded.chunkRanges(chunkSize: vcr.options.chunkSize)
                    #expect(received.chunks == planned.count, "\(context)")
                    if StreamFormat(of: recorded) != .whole {
                        #expect(received.chunks > 1, "\(context): a streamed body arrived in one chunk")
                    }
                }
            }
            try vcr.stop().check()
        }
    }

    private func receive(_ request: URLRequest, from vcr: VCR, as caller: Caller) async throws -> Received {
        switch caller {
        case .dataDelegate:
            let outcome = await ChunkRecorder.run(request, configuration: vcr.makeConfiguration())
            if let error = outcome.error { throw error }
            return Received(response: outcome.response, body: outcome.body, chunks: outcome.chunks.count)
        case .dataFor:
            let (data, response) = try await vcr.session.data(for: request)
            return Received(response: response as? HTTPURLResponse, body: data, chunks: 1)
        case .uploadForFrom:
            var bodiless = request
            bodiless.httpBody = nil
            let (data, response) = try await vcr.session.upload(for: bodiless, from: request.httpBody ?? Data())
            return Received(response: response as? HTTPURLResponse, body: data, chunks: 1)
        case .completionHandler:
            return try await withCheckedThrowingContinuation { continuation in
                vcr.session.dataTask(with: request) { data, response, error in
                    if let error {
                        continuation.resume(throwing: error)
                    } else {
                        continuation.resume(
                            returning: Received(response: response as? HTTPURLResponse, body: data ?? Data(), chunks: 1)
                        )
                    }
                }.resume()
            }
        case .dataForOnDelegateSession:
            let session = URLSession(
                configuration: vcr.makeConfiguration(), delegate: ChunkRecorder(), delegateQueue: nil)
            defer { session.finishTasksAndInvalidate() }
            let (data, response) = try await session.data(for: request)
            return Received(response: response as? HTTPURLResponse, body: data, chunks: 1)
        }
    }
}

import Foundation
import Testing
import VCRCassette

/// The `x_chunks` extension key: written only when there are arrivals, read
/// back to the same values in both layouts, and invisible to the other fields.
@Suite struct ChunkArrivalTests {
    private let arrivals = [
        ChunkArrival(size: 31, offset: GoDuration(nanoseconds: 12_500_000)),
        ChunkArrival(size: 1024, offset: GoDuration(nanoseconds: 1_250_000_001)),
    ]

    private func cassette(_ layout: CassetteLayout, arrivals: [ChunkArrival]) -> Cassette {
        Cassette(
            interactions: [
                Interaction(
                    id: 0, request: RecordedRequest(url: "https://example.com/stream"),
                    response: RecordedResponse(
                        contentLength: -1, body: Data("data: 1\n\ndata: 2\n\n".utf8),
                        headers: ["Content-Type": ["text/event-stream"]], duration: GoDuration(nanoseconds: 5_000_000),
                        chunkArrivals: arrivals))
            ], layout: layout)
    }

    @Test(arguments: [
        CassetteLayout.compact, .indented, CassetteLayout(indentation: .indented, writesEmptyFields: true),
    ])
    func arrivalsRoundTripByteForByte(layout: CassetteLayout) throws {
        let original = cassette(layout, arrivals: arrivals)
        let bytes = original.yaml()
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("31@12.5ms"))
        #expect(text.contains("1024@1.250000001s"))
        let read = try Cassette(yaml: bytes)
        #expect(read.interactions == original.interactions)
        #expect(read.yaml() == bytes)
    }

    @Test(arguments: [
        CassetteLayout.compact, .indented, CassetteLayout(indentation: .indented, writesEmptyFields: true),
    ])
    func noArrivalsNoKey(layout: CassetteLayout) {
        #expect(!String(decoding: cassette(layout, arrivals: []).yaml(), as: UTF8.self).contains("x_chunks"))
    }

    /// What go-vcr reads: the file without the key it does not know gives the same values.
    @Test func theOtherFieldsReadTheSameWithoutTheKey() throws {
        let with = cassette(.compact, arrivals: arrivals)
        let text = String(decoding: with.yaml(), as: UTF8.self)
        let withoutKey = text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("x_chunks") && !$0.contains("@") }.joined(separator: "\n")
        let read = try Cassette(yaml: Data(withoutKey.utf8))
        #expect(read == cassette(.compact, arrivals: []))
    }

    @Test func aBadArrivalIsAnErrorAtItsPlace() throws {
        let text = String(decoding: cassette(.compact, arrivals: arrivals).yaml(), as: UTF8.self)
            .replacingOccurrences(of: "31@12.5ms", with: "31@soon")
        let error = #expect(throws: CassetteError.self) { try Cassette(yaml: Data(text.utf8), path: "bad.yaml") }
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("31@soon") }
        #expect(error?.line == (line ?? 0) + 1)
        #expect(error?.message.contains("`31@soon`") == true)
    }
}

import Foundation
import Testing
import VCRCassette

@testable import VCR

@Suite struct ChunkSplitterTests {
    private func chunks(_ body: String, _ format: StreamFormat, chunkSize: Int = 1024) -> [String] {
        let data = Data(body.utf8)
        return ChunkSplitter.ranges(of: data, format: format, chunkSize: chunkSize).map {
            String(decoding: data[$0], as: UTF8.self)
        }
    }

    @Test func serverSentEventsEndAtBlankLines() {
        #expect(
            chunks("event: a\ndata: 1\n\ndata: 2\n\n: comment\n\n", .serverSentEvents)
                == ["event: a\ndata: 1\n\n", "data: 2\n\n", ": comment\n\n"])
    }

    @Test func serverSentEventsWithCRLF() {
        #expect(chunks("data: 1\r\n\r\ndata: 2\r\n\r\n", .serverSentEvents) == ["data: 1\r\n\r\n", "data: 2\r\n\r\n"])
    }

    @Test func aSingleEventIsSliced() {
        #expect(chunks("data: 1\r\n\r\n", .serverSentEvents) == ["data: ", "1\r\n\r\n"])
        #expect(chunks("{\"a\":1}\n", .jsonLines) == ["{\"a\"", ":1}\n"])
    }

    @Test func aTrailingPartialEventIsTheLastChunk() {
        #expect(chunks("data: 1\n\ndata: 2", .serverSentEvents) == ["data: 1\n\n", "data: 2"])
    }

    @Test func jsonLinesSplitAfterEachNewline() {
        #expect(chunks("{\"a\":1}\n{\"b\":2}\n{\"c\":3}", .jsonLines) == ["{\"a\":1}\n", "{\"b\":2}\n", "{\"c\":3}"])
    }

    @Test func slicesAreBounded() {
        #expect(chunks("abcdefghij", .slices, chunkSize: 4) == ["abcd", "efgh", "ij"])
        #expect(chunks("abcde", .slices, chunkSize: 1024) == ["abc", "de"])
        #expect(chunks("a", .slices, chunkSize: 1024) == ["a"])
    }

    @Test func wholeBodiesAndEmptyBodies() {
        #expect(chunks("abc\n\ndef", .whole) == ["abc\n\ndef"])
        #expect(chunks("", .serverSentEvents).isEmpty)
        #expect(chunks("a", .serverSentEvents) == ["a"])
    }

    @Test func awsEventStreamMessagesFrameByTheirLength() {
        func message(_ payload: String) -> Data {
            let total = 16 + payload.utf8.count
            var data = Data([
                UInt8(total >> 24), UInt8(total >> 16 & 0xFF), UInt8(total >> 8 & 0xFF), UInt8(total & 0xFF),
            ])
            data += Data(repeating: 0, count: 8) + Data(payload.utf8) + Data(repeating: 0, count: 4)
            return data
        }
        let body = message("one") + message("second") + Data([1, 2, 3])
        let ranges = ChunkSplitter.ranges(of: body, format: .awsEventStream, chunkSize: 2)
        #expect(ranges.map(\.count) == [19, 22, 2, 1])
        #expect(ranges.map { body[$0] }.reduce(Data(), +) == body)
    }

    @Test func formatsFollowTheRecordedResponse() {
        func format(_ type: String?, length: Int64 = 10, chunked: Bool = false) -> StreamFormat {
            StreamFormat(
                of: RecordedResponse(
                    transferEncoding: chunked ? ["chunked"] : [], contentLength: length,
                    headers: type.map { ["content-type": [$0]] } ?? [:]))
        }
        #expect(format("text/event-stream; charset=utf-8") == .serverSentEvents)
        #expect(format("Application/X-NDJSON") == .jsonLines)
        #expect(format("application/vnd.amazon.eventstream") == .awsEventStream)
        #expect(format("application/json", length: -1) == .slices)
        #expect(format("application/json", chunked: true) == .slices)
        #expect(format("application/json") == .whole)
        #expect(format(nil) == .whole)
    }
}

import Foundation
import TestSupport
import Testing
import VCRCassette

@Suite struct ReadingCorpusTests {
    /// The number of `- id:` item lines, counted in the text itself.
    private static func itemLines(in url: URL) throws -> Int {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
            .filter { $0.drop { $0 == " " }.hasPrefix("- id: ") }.count
    }

    @Test func corpusHasBothKinds() {
        #expect(Corpus.cassettes(in: "fantasy").count == 29)
        #expect(Corpus.cassettes(in: "generated").count == 40)
    }

    @Test(arguments: Corpus.cassettes(in: "fantasy"))
    func fantasyCassetteReadsCompact(url: URL) throws {
        let cassette = try Cassette(contentsOf: url)
        #expect(cassette.interactions.count == (try Self.itemLines(in: url)))
        #expect(cassette.interactions.map(\.id) == Array(cassette.interactions.indices))
        #expect(cassette.layout == .compact)
    }

    @Test(arguments: Corpus.cassettes(in: "generated"))
    func generatedCassetteReadsIndented(url: URL) throws {
        let cassette = try Cassette(contentsOf: url)
        #expect(cassette.interactions.count == (try Self.itemLines(in: url)))
        #expect(cassette.interactions.map(\.id) == Array(cassette.interactions.indices))
        #expect(cassette.layout == .indented)
    }

    @Test(arguments: Corpus.cassettes(in: "fantasy") + Corpus.cassettes(in: "generated"))
    func fileAndBytesReadTheSame(url: URL) throws {
        #expect(try Cassette(contentsOf: url) == Cassette(yaml: Data(contentsOf: url), path: url.path))
    }

    @Test func projectSeedCassetteReads() throws {
        let url = PackageFiles.cassettes.appendingPathComponent("openai-chat-parallel-tool-calls.yaml")
        let cassette = try Cassette(contentsOf: url)
        #expect(!cassette.interactions.isEmpty)
        #expect(cassette.layout == .compact)
    }

    @Test func openAIStreamingValues() throws {
        let cassette = try Cassette(
            contentsOf: Corpus.file("fantasy/TestOpenAICommon/openai-gpt-4o-mini/simple_streaming.yaml"))
        #expect(cassette.interactions.count == 1)
        let interaction = try #require(cassette.interactions.first)
        let request = interaction.request
        #expect(request.proto == "HTTP/1.1")
        #expect(request.protoMajor == 1 && request.protoMinor == 1)
        #expect(request.contentLength == 215)
        #expect(request.host == "")
        #expect(request.method == "POST")
        #expect(request.url == "https://api.openai.com/v1/chat/completions")
        #expect(request.body.count == 215)
        #expect(request.body.starts(with: Data(#"{"messages":[{"content":"You are a helpful assistant""#.utf8)))
        #expect(
            request.headers == [
                "Accept": ["application/json"],
                "Content-Type": ["application/json"],
                "User-Agent": ["Charm-Fantasy/0.33.1 (https://charm.land/fantasy)"],
            ])
        let response = interaction.response
        #expect(response.proto == "HTTP/2.0")
        #expect(response.protoMajor == 2 && response.protoMinor == 0)
        #expect(response.contentLength == -1)
        #expect(response.status == "200 OK")
        #expect(response.code == 200)
        #expect(response.duration.description == "727.245709ms")
        #expect(response.duration.nanoseconds == 727_245_709)
        #expect(response.headers == ["Content-Type": ["text/event-stream; charset=utf-8"]])
        #expect(response.body.starts(with: Data(#"data: {"id":"chatcmpl-DuLdOuviL2tiVxMim6HmX4YMnCorK","#.utf8)))
        // `|+` keeps every trailing line break of the SSE stream.
        #expect(response.body.suffix(16) == Data("\n\ndata: [DONE]\n\n".utf8))
        #expect(String(decoding: response.body, as: UTF8.self).contains(#""content":"Olá"}"#))
        #expect(response.transferEncoding.isEmpty && response.trailer.isEmpty && !response.uncompressed)
    }

    @Test func bedrockBinaryBodyIsAnEventStream() throws {
        let cassette = try Cassette(
            contentsOf: Corpus.file(
                "fantasy/TestBedrockCommon/bedrock-anthropic-claude-haiku-4-5/simple_streaming.yaml"))
        let body = try #require(cassette.interactions.first).response.body
        #expect(Array(body.prefix(12)) == [0x00, 0x00, 0x02, 0xAB, 0x00, 0x00, 0x00, 0x4B, 0xCE, 0x13, 0x48, 0xFD])
        // AWS event-stream messages start with their total length: walking them must end exactly at the end.
        var offset = body.startIndex
        var messages = 0
        while offset + 4 <= body.endIndex {
            let length = body[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            #expect(length >= 16)
            guard length >= 16 else { break }
            offset += length
            messages += 1
        }
        #expect(offset == body.endIndex)
        #expect(messages > 1)
    }

    @Test func geminiStreamKeepsCRLF() throws {
        let cassette = try Cassette(
            contentsOf: Corpus.file("fantasy/TestGoogleCommon/gemini-2.5-flash/simple_streaming.yaml"))
        let interaction = try #require(cassette.interactions.first)
        #expect(interaction.request.form == ["alt": ["sse"]])
        #expect(interaction.request.host == "generativelanguage.googleapis.com")
        #expect(
            interaction.request.headers["User-Agent"] == [
                "Charm-Fantasy/0.12.2 (https://charm.land/fantasy)", "google-genai-sdk/1.49.0 gl-go/go1.26.1",
            ])
        let body = String(decoding: interaction.response.body, as: UTF8.self)
        #expect(body.hasPrefix(#"data: {"candidates": [{"content": {"parts": [{"text": "Olá!"}]"#))
        #expect(body.contains("\r\n"))
        #expect(interaction.response.duration.description == "853.364708ms")
    }

    @Test func chunkedTransferEncoding() throws {
        let cassette = try Cassette(
            contentsOf: Corpus.file("fantasy/TestOpenAICompatibleCommon/llama-cpp-gpt-oss/simple_streaming.yaml"))
        #expect(cassette.interactions.first?.response.transferEncoding == ["chunked"])
    }

    @Test func generatedAwkwardValues() throws {
        let cassette = try Cassette(contentsOf: Corpus.file("generated/gen_7_0001.yaml"))
        #expect(cassette.interactions.count == 3)
        let first = cassette.interactions[0]
        #expect(first.request.method == "DELETE")
        #expect(first.request.url == "https://example.com/v1/%5C123?x=1e3%2A")
        #expect(first.request.body == Data(#"1:20\.inf lead日本語"#.utf8))
        #expect(first.request.headers == ["X-10": ["&"]])
        #expect(first.response.transferEncoding == ["chunked"])
        #expect(first.response.body == Data("-   ".utf8))
        #expect(first.response.headers["User-Agent"] == ["Yno", "a", "]日本語?|"])
        #expect(first.response.headers["X-10"] == ["on: - 1:20"])
        #expect(first.response.duration.description == "23.177392535s")
        let second = cassette.interactions[1]
        #expect(second.request.headers["Accept"] == ["", "café?\u{A0}!|"])
        #expect(second.response.uncompressed)
        #expect(second.response.headers.isEmpty)
        #expect(second.response.duration.description == "1m22.245055504s")
        let third = cassette.interactions[2]
        #expect(third.response.body == Data("data: {\"a\":1}\n\n".utf8))
        #expect(third.response.headers["User-Agent"] == ["1:20 #0x1F", "0x1F#`2025-01-01", "false"])
        #expect(third.response.headers["X-10"] == ["", "2025-01-01\u{A0}"])
    }

    @Test func generatedFormAndEscapes() throws {
        let cassette = try Cassette(contentsOf: Corpus.file("generated/gen_7_0040.yaml"))
        let request = try #require(cassette.interactions.first).request
        #expect(request.form == ["alt": ["sse"], "q": ["true,true日本語"]])
        #expect(request.body == Data("\u{1F600}".utf8))
        #expect(request.headers["X-10"] == ["hello world\u{01}"])
        #expect(request.headers["x-lower"] == ["", "1e3"])
        #expect(request.contentLength == 4)
    }

    @Test func generatedBinaryBody() throws {
        let cassette = try Cassette(contentsOf: Corpus.file("generated/gen_7_0001.yaml"))
        let body = cassette.interactions[1].response.body
        let expected = try #require(
            Data(
                base64Encoded:
                    "IcOpCm9uXyrEptNKbMZZ34VtRL3Pxf4r5JWUddqZ/Xk17NSGmwvakVNEgB6D8ado+bL9EWiSJx4XMk7vu7/igKludWxsDQo="))
        #expect(body == expected)
        #expect(String(validating: body, as: UTF8.self) == nil)
    }

    @Test(arguments: Corpus.cassettes(in: "fantasy") + Corpus.cassettes(in: "generated"))
    func corpusWritesNoEmptyFields(url: URL) throws {
        #expect(try Cassette(contentsOf: url).layout.writesEmptyFields == false)
    }
}

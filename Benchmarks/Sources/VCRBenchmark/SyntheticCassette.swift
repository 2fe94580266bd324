import Foundation
import VCRCassette

/// Generated LLM-API cassettes: every interaction a `POST` of a JSON chat
/// request to the same URL, answered by a server-sent-event stream.
///
/// The content comes from a seeded generator, so every run builds the same bytes.
struct SyntheticCassette {
    /// The URL every interaction was sent to.
    static let url = "https://api.openai.com/v1/chat/completions"

    private var random = SplitMix64(seed: 0x5EED_CA55_E77E)

    /// How long each response stream is.
    enum StreamLength {
        /// About this many bytes.
        case bytes(Int)
        /// Exactly this many events (at least 4: the role, the stop, the usage and `[DONE]`).
        case events(Int)
    }

    /// A cassette of `count` interactions whose response streams have about `streamBytes` bytes each.
    mutating func cassette(interactions count: Int, streamBytes: Int) -> Cassette {
        cassette(interactions: count, streamLength: .bytes(streamBytes))
    }

    /// A cassette of `count` interactions whose response streams are `streamLength` long.
    mutating func cassette(interactions count: Int, streamLength: StreamLength) -> Cassette {
        Cassette(interactions: (0..<count).map { interaction(id: $0, streamLength: streamLength) })
    }

    /// The request body of interaction `id`: a chat request with its own question.
    mutating func requestBody(id: Int) -> Data {
        let question = sentence(words: 8 + random.next(below: 24))
        let temperature = Double(random.next(below: 10)) / 10
        let json = """
            {"messages":[{"content":"You are a helpful assistant. Answer briefly and cite the request number.","role":"system"},\
            {"content":"Request \(id): \(question)?","role":"user"}],"model":"gpt-4o-mini","max_tokens":4000,\
            "stream_options":{"include_usage":true},"temperature":\(temperature),"tool_choice":"auto",\
            "tools":[{"function":{"name":"lookup","strict":false,"description":"Look a term up",\
            "parameters":{"properties":{"term":{"description":"the term","type":"string"}},"required":["term"],\
            "type":"object"}},"type":"function"}],"stream":true}
            """
        return Data(json.utf8)
    }

    private mutating func interaction(id: Int, streamLength: StreamLength) -> Interaction {
        let body = requestBody(id: id)
        let request = RecordedRequest(
            contentLength: Int64(body.count),
            body: body,
            headers: [
                "Accept": ["application/json"],
                "Content-Type": ["application/json"],
                "User-Agent": ["swift-vcr-benchmark/1.0"],
            ],
            url: Self.url,
            method: "POST")
        let response = RecordedResponse(
            proto: "HTTP/2.0", protoMajor: 2, protoMinor: 0,
            contentLength: -1,
            body: eventStream(id: id, length: streamLength),
            headers: [
                "Content-Type": ["text/event-stream; charset=utf-8"],
                "Openai-Processing-Ms": [String(200 + random.next(below: 800))],
                "X-Request-Id": ["req_\(hex(16))"],
            ],
            status: "200 OK", code: 200,
            duration: GoDuration(nanoseconds: Int64(300_000_000 + random.next(below: 900_000_000))))
        return Interaction(id: id, request: request, response: response)
    }

    /// An OpenAI-style chat completion stream of the given length.
    private mutating func eventStream(id: Int, length: StreamLength) -> Data {
        let completion = "chatcmpl-\(hex(14))"
        let prefix =
            #"data: {"id":"\#(completion)","object":"chat.completion.chunk","created":\#(1_782_321_902 + id),"#
            + #""model":"gpt-4o-mini-2024-07-18","service_tier":"default","system_fingerprint":"fp_bbc23ca3d7","choices":[{"index":0,"delta":"#
        var text =
            prefix
            + #"{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}"#
            + "\n\n"
        var tokens = 0
        func wantsToken() -> Bool {
            switch length {
            case .bytes(let bytes): text.utf8.count < bytes - 600
            case .events(let events): tokens + 4 < events
            }
        }
        while wantsToken() {
            let token = (random.next(below: 3) == 0 ? " " : "") + word()
            text +=
                prefix
                + #"{"content":"\#(token)"},"logprobs":null,"finish_reason":null}],"usage":null,"obfuscation":"\#(hex(random.next(below: 12)))"}"#
                + "\n\n"
            tokens += 1
        }
        text += prefix + #"{},"logprobs":null,"finish_reason":"stop"}],"usage":null}"# + "\n\n"
        text +=
            #"data: {"id":"\#(completion)","object":"chat.completion.chunk","choices":[],"usage":{"prompt_tokens":\#(40 + id % 90),"#
            + #""completion_tokens":\#(tokens),"total_tokens":\#(40 + id % 90 + tokens)}}"# + "\n\n"
        text += "data: [DONE]\n\n"
        return Data(text.utf8)
    }

    private static let words = [
        "the", "model", "answer", "stream", "token", "cassette", "request", "response", "swift", "yaml",
        "replay", "record", "matches", "quickly", "because", "every", "event", "arrives", "in", "order",
        "olá", "naïve", "café", "über", "数据", "→", "✓", "json", "body", "header",
    ]

    private mutating func word() -> String {
        Self.words[random.next(below: Self.words.count)]
    }

    private mutating func sentence(words count: Int) -> String {
        (0..<count).map { _ in word() }.joined(separator: " ")
    }

    private mutating func hex(_ count: Int) -> String {
        String((0..<count).map { _ in "0123456789abcdef".randomElement(using: &random) ?? "0" })
    }
}

/// A small, fast, seeded random number generator (Vigna's SplitMix64).
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A number in `0..<bound`.
    mutating func next(below bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }
}

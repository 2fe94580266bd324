import Foundation
import Testing
import VCRCassette

/// Random cassettes full of awkward values must read back exactly as written, in every style.
///
/// go-vcr's own encoder fails this for more than a quarter of such cassettes;
/// this writer must not fail once.
@Suite struct RoundTripPropertyTests {
    @Test(
        arguments: CassetteLayout.Style.allCases.flatMap { style in
            [CassetteLayout(style: style), CassetteLayout(style: style, writesEmptyFields: true)]
        })
    func randomAwkwardCassettesReadBackUnchanged(layout: CassetteLayout) throws {
        let seed = ProcessInfo.processInfo.environment["VCR_PROPERTY_SEED"].flatMap { UInt64($0) } ?? 0x5EED
        let styleNumber = UInt64(CassetteLayout.Style.allCases.firstIndex(of: layout.style) ?? 0)
        var generator = AwkwardValues(seed: seed ^ styleNumber << 1 ^ (layout.writesEmptyFields ? 1 : 0))
        for round in 0..<1000 {
            let cassette = generator.cassette(layout: layout)
            let yaml = cassette.yaml()
            let reread: Cassette
            do {
                reread = try Cassette(yaml: yaml, path: "round-\(round).yaml")
            } catch {
                Issue.record("round \(round): \(error)\n\(String(decoding: yaml, as: UTF8.self))")
                return
            }
            guard reread.interactions == cassette.interactions else {
                Issue.record("round \(round) read back differently:\n\(String(decoding: yaml, as: UTF8.self))")
                return
            }
            // Detection may settle on another style when this file reads the same in both.
            guard reread.yaml() == yaml else {
                let lines = zip(
                    String(decoding: yaml, as: UTF8.self).split(separator: "\n"),
                    String(decoding: reread.yaml(), as: UTF8.self).split(separator: "\n")
                ).first { $0.0 != $0.1 }
                Issue.record(
                    "round \(round): detected \(reread.layout), wrote \(lines.map { "\($0.1.debugDescription) for \($0.0.debugDescription)" } ?? "more or fewer lines")"
                )
                return
            }
        }
    }

    /// Keys longer than 128 bytes or spanning lines are written as explicit `? key` entries.
    @Test(arguments: CassetteLayout.Style.allCases.map { CassetteLayout(style: $0) })
    func longAndMultilineKeysReadBack(layout: CassetteLayout) throws {
        let long = String(repeating: "k", count: layout.style == .goccy ? 1025 : 129)
        let form = [long: ["a", "b"], "two\nlines": ["c"], "\nleading": [], "x": ["\n y"]]
        let cassette = Cassette(
            interactions: [Interaction(id: 0, request: RecordedRequest(form: form), response: RecordedResponse())],
            layout: layout)
        let text = String(decoding: cassette.yaml(), as: UTF8.self)
        #expect(text.contains("? \(long)\n"))
        #expect(try Cassette(yaml: cassette.yaml()).interactions == cassette.interactions)
    }
}

/// A seeded generator of cassettes made of the values YAML writers get wrong.
struct AwkwardValues {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    private static let fragments: [String] = [
        "a", "hello world", "é", "ñ", "日本語", "😀", "\u{1F468}\u{200D}\u{1F469}", " ", "  ", "\t", "\n", "\n\n", "\r",
        "\r\n",
        "\u{85}", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{A0}", "\u{7F}", "\u{9F}", "\0", "\u{1B}", "\u{FFFE}",
        "\u{E000}",
        "#", "# ", " #", ":", ": ", "- ", "-", "?", "? ", "!", "&", "*", "|", ">", "'", "\"", "%", "@", "`", "{", "}",
        "[",
        "]", ",", "---", "...", "\\", "true", "false", "yes", "No", "on", "OFF", "y", "N", "null", "~", "0", "-1", "+1",
        "1.5", ".5", "1e3", "0x1F", "0o17", "0b101", "1_000", "08", ".inf", "-.Inf", ".NaN", "1:20", "2025-01-01",
        "2025-02-30", "2025-01-01T10:00:00Z", "2025-01-01 10:00:00", "<<", "=", "data: {\"a\":1}\n\n", "event: x\n",
        "12:30", "1:2", "0x", "+-5", "1_2", "_1", "1.5e999", "-.5e3", "a\\b", "a-b", "- ", "?x", ":x", "-x",
        "The quick brown fox jumps over the lazy dog ", "lorem ipsum dolor sit amet, consectetur", "word",
        "{\"id\": 1, \"text\": \"a b c\"}",
    ]

    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func string(maxFragments: Int = 5) -> String {
        (0..<below(maxFragments + 1)).map { _ in Self.fragments[below(Self.fragments.count)] }.joined()
    }

    mutating func body() -> Data {
        switch below(4) {
        case 0: return Data((0..<below(200)).map { _ in UInt8(truncatingIfNeeded: next()) })
        default: return Data(string(maxFragments: 16).utf8)
        }
    }

    mutating func multimap() -> [String: [String]] {
        var map: [String: [String]] = [:]
        for _ in 0..<below(4) {
            map[string(maxFragments: 3)] = (0..<below(4)).map { _ in string() }
        }
        return map
    }

    mutating func cassette(layout: CassetteLayout) -> Cassette {
        let interactions = (0..<1 + below(3)).map { id in
            Interaction(
                id: id,
                request: RecordedRequest(
                    contentLength: Int64(below(1000)) - 1, transferEncoding: (0..<below(2)).map { _ in string() },
                    trailer: below(4) == 0 ? multimap() : [:], host: string(), remoteAddress: string(),
                    requestURI: string(), body: body(), form: multimap(), headers: multimap(), url: string(),
                    method: string(maxFragments: 2)),
                response: RecordedResponse(
                    proto: string(), transferEncoding: (0..<below(2)).map { _ in string() }, contentLength: -1,
                    uncompressed: below(2) == 0, body: body(), headers: multimap(), status: string(),
                    code: below(600), duration: GoDuration(nanoseconds: Int64(bitPattern: next()) >> below(64))))
        }
        return Cassette(interactions: interactions, layout: layout)
    }
}

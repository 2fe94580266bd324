import Foundation
import Testing
import VCRCassette

@testable import VCRCommand

@Suite struct DumpCommandTests {
    @Test func dumpsABedrockCassetteWithABinaryBody() throws {
        let result = try runVCR(["dump", Fixtures.bedrockStreaming.path])
        #expect(result.exitCode == .success)
        #expect(result.error == "")

        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(json["version"] as? Int == 2)
        let interactions = try #require(json["interactions"] as? [[String: Any]])
        #expect(interactions.count == 1)
        #expect(interactions[0]["id"] as? Int == 0)

        let request = try #require(interactions[0]["request"] as? [String: Any])
        #expect(request["proto"] as? String == "HTTP/1.1")
        #expect(request["proto_major"] as? Int == 1)
        #expect(request["content_length"] as? Int == 211)
        #expect(request["transfer_encoding"] as? [String] == [])
        #expect((request["trailer"] as? [String: Any])?.isEmpty == true)
        #expect(request["host"] as? String == "")
        #expect(request["remote_addr"] as? String == "")
        #expect(request["request_uri"] as? String == "")
        #expect((request["body"] as? String)?.hasPrefix(#"{"max_tokens":4000,"messages":"#) == true)
        #expect((request["form"] as? [String: Any])?.isEmpty == true)
        #expect(
            request["headers"] as? [String: [String]] == [
                "Accept": ["application/json"],
                "Content-Type": ["application/json"],
                "User-Agent": ["Charm-Fantasy/0.12.2 (https://charm.land/fantasy)"],
            ])
        #expect(
            request["url"] as? String
                == "https://bedrock-runtime.us-east-1.amazonaws.com/model/us.anthropic.claude-haiku-4-5-20251001-v1%3A0/invoke-with-response-stream"
        )
        #expect(request["method"] as? String == "POST")

        let response = try #require(interactions[0]["response"] as? [String: Any])
        #expect(response["proto"] as? String == "HTTP/2.0")
        #expect(response["proto_major"] as? Int == 2)
        #expect(response["proto_minor"] as? Int == 0)
        #expect(response["content_length"] as? Int == -1)
        #expect(response["status"] as? String == "200 OK")
        #expect(response["code"] as? Int == 200)
        #expect(response["duration"] as? String == yamlValue(of: "duration", in: Fixtures.bedrockStreaming))
        #expect(result.output.contains("\n        \"uncompressed\": false,\n"))
        let body = try #require(response["body"] as? [String: String])
        #expect(body == ["binary": try binaryBlock(in: Fixtures.bedrockStreaming)])
        #expect(Data(base64Encoded: body["binary"] ?? "")?.prefix(4) == Data([0x00, 0x00, 0x02, 0xAB]))
    }

    @Test func writesEveryFieldInTheFormatsOrder() throws {
        let result = try runVCR(["dump", Fixtures.bedrockStreaming.path])
        let requestKeys = keys(in: result.output, between: "\"request\": {", and: "\"response\": {", indentation: 8)
        #expect(
            requestKeys == [
                "proto", "proto_major", "proto_minor", "content_length", "transfer_encoding", "trailer", "host",
                "remote_addr", "request_uri", "body", "form", "headers", "url", "method",
            ])
        let responseKeys = keys(in: result.output, between: "\"response\": {", and: "\n    }", indentation: 8)
        #expect(
            responseKeys == [
                "proto", "proto_major", "proto_minor", "transfer_encoding", "trailer", "content_length",
                "uncompressed", "body", "headers", "status", "code", "duration",
            ])
    }

    /// Every body in the awkward generated cassettes comes back from the JSON byte for byte.
    @Test(arguments: Fixtures.corpusCassettes.filter { $0.path.contains("/generated/") })
    func keepsEveryBodyExactly(cassette: URL) throws {
        let result = try runVCR(["dump", cassette.path])
        let decoded = try Cassette(contentsOf: cassette)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let interactions = try #require(json["interactions"] as? [[String: Any]])
        try #require(interactions.count == decoded.interactions.count)
        for (dumped, interaction) in zip(interactions, decoded.interactions) {
            let request = try #require(dumped["request"] as? [String: Any])
            let response = try #require(dumped["response"] as? [String: Any])
            #expect(bytes(of: request["body"]) == interaction.request.body)
            #expect(bytes(of: response["body"]) == interaction.response.body)
            #expect(request["url"] as? String == interaction.request.url)
            #expect(request["headers"] as? [String: [String]] == interaction.request.headers)
            #expect(response["headers"] as? [String: [String]] == interaction.response.headers)
        }
    }

    @Test func rendersAConstructedCassetteExactly() {
        let cassette = Cassette(interactions: [
            Interaction(
                id: 0,
                request: RecordedRequest(
                    contentLength: 3,
                    body: Data("a\"b".utf8),
                    form: ["q": ["1", "2"]],
                    headers: ["b-Header": ["x"], "A-Header": ["y"]],
                    url: "https://example.com/?q=1&q=2",
                    method: "POST"
                ),
                response: RecordedResponse(
                    proto: "HTTP/2.0",
                    protoMajor: 2,
                    protoMinor: 0,
                    contentLength: -1,
                    uncompressed: true,
                    body: Data([0xFF, 0x00]),
                    status: "201 Created",
                    code: 201,
                    duration: GoDuration(nanoseconds: 1_500_000)
                )
            )
        ])
        #expect(
            CassetteJSON.value(of: cassette).prettyPrinted == """
                {
                  "version": 2,
                  "interactions": [
                    {
                      "id": 0,
                      "request": {
                        "proto": "HTTP/1.1",
                        "proto_major": 1,
                        "proto_minor": 1,
                        "content_length": 3,
                        "transfer_encoding": [],
                        "trailer": {},
                        "host": "",
                        "remote_addr": "",
                        "request_uri": "",
                        "body": "a\\"b",
                        "form": {
                          "q": [
                            "1",
                            "2"
                          ]
                        },
                        "headers": {
                          "A-Header": [
                            "y"
                          ],
                          "b-Header": [
                            "x"
                          ]
                        },
                        "url": "https://example.com/?q=1&q=2",
                        "method": "POST"
                      },
                      "response": {
                        "proto": "HTTP/2.0",
                        "proto_major": 2,
                        "proto_minor": 0,
                        "transfer_encoding": [],
                        "trailer": {},
                        "content_length": -1,
                        "uncompressed": true,
                        "body": {
                          "binary": "/wA="
                        },
                        "headers": {},
                        "status": "201 Created",
                        "code": 201,
                        "duration": "1.5ms"
                      }
                    }
                  ]
                }

                """)
    }

    @Test func reportsAnUnreadableCassette() throws {
        try withTemporaryDirectory { directory in
            let result = try runVCR(["dump", directory + "/missing.yaml"])
            #expect(result.output == "")
            #expect(
                result.error == directory + "/missing.yaml: found no file here; expected a readable cassette file\n")
            #expect(result.exitCode == .failure)
        }
    }

    /// The keys of the object that starts after `start`, at `indentation` spaces.
    private func keys(in text: String, between start: String, and end: String, indentation: Int) -> [String] {
        guard let from = text.range(of: start), let to = text.range(of: end, range: from.upperBound..<text.endIndex)
        else {
            return []
        }
        let prefix = String(repeating: " ", count: indentation) + "\""
        return text[from.upperBound..<to.lowerBound].split(separator: "\n").compactMap { line in
            guard line.hasPrefix(prefix), let close = line.dropFirst(prefix.count).firstIndex(of: "\"") else {
                return nil
            }
            return String(line[line.index(line.startIndex, offsetBy: prefix.count)..<close])
        }
    }

    /// The plain text after `key: ` on the first line that has it.
    private func yamlValue(of key: String, in file: URL) -> String? {
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        let line = text.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(key + ": ") }
        return line.map { String($0.trimmingCharacters(in: .whitespaces).dropFirst(key.count + 2)) }
    }

    /// The base64 lines of the file's first `!!binary |` block, joined.
    private func binaryBlock(in file: URL) throws -> String {
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
        let start = try #require(lines.firstIndex { $0.hasSuffix("body: !!binary |") })
        let block = lines[(start + 1)...].prefix { $0.hasPrefix("      ") }
        return block.map { $0.trimmingCharacters(in: .whitespaces) }.joined()
    }

    /// A dumped body's bytes: a string's UTF-8, or the decoded `binary` base64.
    private func bytes(of body: Any?) -> Data? {
        if let text = body as? String { return Data(text.utf8) }
        if let binary = (body as? [String: String])?["binary"] { return Data(base64Encoded: binary) }
        return nil
    }
}

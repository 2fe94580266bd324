import Foundation
import Testing
import VCRCassette

/// The cassette schema: every key, older and newer go-vcr files, unknown and missing
/// keys, null values, the typed scalars and layout detection.
@Suite struct ReadingSchemaTests {
    /// A go-vcr 3.0 – 4.0.2 file: every key written, empty ones included.
    private static let olderFile = """
        ---
        version: 2
        interactions:
        - id: 0
          request:
            proto: HTTP/1.1
            proto_major: 1
            proto_minor: 1
            content_length: 0
            transfer_encoding: []
            trailer: {}
            host: example.com
            remote_addr: ""
            request_uri: ""
            body: ""
            form: {}
            headers: {}
            url: https://example.com/
            method: GET
          response:
            proto: HTTP/1.1
            proto_major: 1
            proto_minor: 1
            transfer_encoding: []
            trailer: {}
            content_length: 2
            uncompressed: false
            body: ok
            headers:
              Content-Length:
              - "2"
            status: 200 OK
            code: 200
            duration: 1.5s

        """

    @Test func olderFileWritesEmptyFields() throws {
        let cassette = try readCassette(Self.olderFile)
        #expect(cassette.layout == CassetteLayout(indentation: .compact, writesEmptyFields: true))
        let interaction = try #require(cassette.interactions.first)
        #expect(interaction.request == RecordedRequest(host: "example.com", url: "https://example.com/", method: "GET"))
        #expect(
            interaction.response
                == RecordedResponse(
                    contentLength: 2, body: Data("ok".utf8), headers: ["Content-Length": ["2"]],
                    duration: GoDuration(nanoseconds: 1_500_000_000)))
    }

    @Test(arguments: [
        ("request", "transfer_encoding: []"), ("request", "trailer: {}"), ("request", "remote_addr: \"\""),
        ("request", "request_uri: \"\""), ("request", "body: \"\""), ("request", "form: {}"),
        ("request", "headers: {}"),
        ("response", "transfer_encoding: []"), ("response", "trailer: {}"), ("response", "uncompressed: false"),
    ])
    func emptyOmittableFieldMarksOlderStyle(section: String, line: String) throws {
        let cassette = try readCassette("version: 2\ninteractions:\n- id: 0\n  \(section):\n    \(line)\n")
        #expect(cassette.layout.writesEmptyFields)
    }

    @Test func newerFileOmitsEmptyFields() throws {
        let cassette = try readCassette(
            """
            version: 2
            interactions:
            - id: 0
              request:
                transfer_encoding:
                - chunked
                remote_addr: 127.0.0.1:5000
                host: ""
                body: x
                url: https://example.com/
                method: POST
              response:
                uncompressed: true
                body: ""
                headers: {}
                status: 204 No Content
                code: 204
                duration: 0s
            """)
        #expect(cassette.layout == .compact)
        let interaction = try #require(cassette.interactions.first)
        #expect(interaction.request.transferEncoding == ["chunked"])
        #expect(interaction.request.remoteAddress == "127.0.0.1:5000")
        #expect(interaction.response.uncompressed)
        #expect(interaction.response.code == 204)
    }

    @Test func everyRequestAndResponseField() throws {
        let cassette = try readCassette(
            """
            version: 2
            interactions:
            - id: 7
              request:
                proto: HTTP/2.0
                proto_major: 2
                proto_minor: 0
                content_length: 11
                transfer_encoding: [chunked, gzip]
                trailer: {X-Checksum: [abc]}
                host: api.example.com
                remote_addr: 10.0.0.1:1234
                request_uri: /v1/items?id=1
                body: a=1&b=2&b=3
                form:
                  a: ["1"]
                  b: ["2", "3"]
                headers:
                  Accept: [text/plain]
                url: https://api.example.com/v1/items?id=1
                method: PATCH
              response:
                proto: HTTP/1.0
                proto_major: 1
                proto_minor: 0
                transfer_encoding: [identity]
                trailer:
                  X-Done: ["yes"]
                content_length: -1
                uncompressed: true
                body: done
                headers:
                  Set-Cookie: [a=1, b=2]
                status: 418 I'm a teapot
                code: 418
                duration: 1m18.00699275s
            """)
        let interaction = try #require(cassette.interactions.first)
        #expect(interaction.id == 7)
        #expect(
            interaction.request
                == RecordedRequest(
                    proto: "HTTP/2.0", protoMajor: 2, protoMinor: 0, contentLength: 11,
                    transferEncoding: ["chunked", "gzip"],
                    trailer: ["X-Checksum": ["abc"]], host: "api.example.com", remoteAddress: "10.0.0.1:1234",
                    requestURI: "/v1/items?id=1", body: Data("a=1&b=2&b=3".utf8), form: ["a": ["1"], "b": ["2", "3"]],
                    headers: ["Accept": ["text/plain"]], url: "https://api.example.com/v1/items?id=1", method: "PATCH"))
        #expect(
            interaction.response
                == RecordedResponse(
                    proto: "HTTP/1.0", protoMajor: 1, protoMinor: 0, transferEncoding: ["identity"],
                    trailer: ["X-Done": ["yes"]],
                    contentLength: -1, uncompressed: true, body: Data("done".utf8),
                    headers: ["Set-Cookie": ["a=1", "b=2"]],
                    status: "418 I'm a teapot", code: 418, duration: GoDuration(nanoseconds: 78_006_992_750)))
    }

    @Test func unknownKeysAreSkippedAtEveryLevel() throws {
        let cassette = try readCassette(
            """
            version: 2
            recorder: {name: x, options: [a, {b: [c, d]}]}
            interactions:
            - id: 0
              note: |
                anything
              request:
                method: PUT
                extra:
                - [1, 2, {three: 3}]
                - headers: {Nope: [x]}
                url: https://example.com/
              response:
                code: 201
                replay_count: 3
                future:
                  nested:
                    deeper: [x]
              metadata: ~
            trailing: true
            """)
        let interaction = try #require(cassette.interactions.first)
        #expect(interaction.request.method == "PUT")
        #expect(interaction.request.url == "https://example.com/")
        #expect(interaction.request.headers.isEmpty)
        #expect(interaction.response.code == 201)
    }

    @Test func missingKeysKeepGoZeroValues() throws {
        let cassette = try readCassette("version: 2\ninteractions:\n- request: {}\n- {}\n")
        #expect(cassette.interactions.count == 2)
        for interaction in cassette.interactions {
            #expect(interaction.id == 0)
            #expect(interaction.request == RecordedRequest(proto: "", protoMajor: 0, protoMinor: 0, method: ""))
            #expect(
                interaction.response == RecordedResponse(proto: "", protoMajor: 0, protoMinor: 0, status: "", code: 0))
        }
    }

    @Test func nullValuesAreZero() throws {
        let cassette = try readCassette(
            """
            version: 2
            interactions:
            - id: ~
              request:
                proto: null
                proto_major: ~
                content_length:
                transfer_encoding: ~
                trailer: Null
                body: NULL
                form:
                headers:
                  Accept: ~
                  X-Empty: [~, "", null]
                url:
                method: ~
              response: ~
            """)
        let interaction = try #require(cassette.interactions.first)
        #expect(
            interaction.request
                == RecordedRequest(
                    proto: "", protoMajor: 0, protoMinor: 0, headers: ["Accept": [], "X-Empty": ["", "", ""]],
                    method: ""))
        #expect(interaction.response == RecordedResponse(proto: "", protoMajor: 0, protoMinor: 0, status: "", code: 0))
    }

    @Test func quotedNullIsText() throws {
        let cassette = try readCassette("version: 2\ninteractions:\n- request:\n    method: 'null'\n    body: \"~\"\n")
        let request = try #require(cassette.interactions.first).request
        #expect(request.method == "null")
        #expect(request.body == Data("~".utf8))
    }

    @Test(arguments: [
        ("0", Int64(0)), ("-1", -1), ("+42", 42), ("1_000", 1000), ("0x1F", 31), ("0o17", 15), ("017", 15),
        ("0b101", 5), ("-0x10", -16), ("9223372036854775807", .max), ("-9223372036854775808", .min),
    ])
    func integerForms(text: String, value: Int64) throws {
        let cassette = try readCassette("version: 2\ninteractions:\n- response:\n    content_length: \(text)\n")
        #expect(cassette.interactions.first?.response.contentLength == value)
    }

    @Test(arguments: [
        ("true", true), ("True", true), ("TRUE", true), ("yes", true), ("On", true), ("y", true),
        ("false", false), ("False", false), ("NO", false), ("off", false), ("n", false),
    ])
    func booleanForms(text: String, value: Bool) throws {
        let cassette = try readCassette("version: 2\ninteractions:\n- response:\n    uncompressed: \(text)\n")
        #expect(cassette.interactions.first?.response.uncompressed == value)
    }

    @Test(arguments: [
        ("1.1473735s", Int64(1_147_373_500)), ("999.347125ms", 999_347_125), ("755.667µs", 755_667),
        ("2us", 2_000), ("2μs", 2_000), ("1h2m3s", 3_723_000_000_000), ("0s", 0), ("\"1.5s\"", 1_500_000_000),
    ])
    func durationForms(text: String, nanoseconds: Int64) throws {
        let cassette = try readCassette("version: 2\ninteractions:\n- response:\n    duration: \(text)\n")
        #expect(cassette.interactions.first?.response.duration.nanoseconds == nanoseconds)
    }

    @Test func keysInAnyOrderAndQuoted() throws {
        let cassette = try readCassette(
            """
            interactions:
            - response: {"code": 404, 'status': 404 Not Found}
              "request": {method: GET, url: "https://example.com/missing"}
              id: 3
            "version": 2
            """)
        let interaction = try #require(cassette.interactions.first)
        #expect(interaction.id == 3)
        #expect(interaction.request.url == "https://example.com/missing")
        #expect(interaction.response.code == 404)
        #expect(interaction.response.status == "404 Not Found")
    }

    @Test func headerValueOrderAndNameCaseKept() throws {
        let cassette = try readCassette(
            """
            version: 2
            interactions:
            - request:
                headers:
                  x-lower: [b, a, c]
                  X-Lower: [z]
            """)
        let headers = try #require(cassette.interactions.first).request.headers
        #expect(headers == ["x-lower": ["b", "a", "c"], "X-Lower": ["z"]])
    }

    @Test func binaryTextFieldIsDecoded() throws {
        let cassette = try readCassette(
            """
            version: 2
            interactions:
            - request:
                headers:
                  X-Latin1: [!!binary Y2Fm6Q==, !!binary Y2Fmw6k=]
            """)
        let headers = try #require(cassette.interactions.first).request.headers
        #expect(headers["X-Latin1"] == ["caf\u{FFFD}", "café"])
    }

    @Test func indentedLayout() throws {
        let cassette = try readCassette(
            """
            ---
            version: 2
            interactions:
                - id: 0
                  request:
                    headers:
                        Accept:
                            - '*/*'
            """)
        #expect(cassette.layout == .indented)
        #expect(cassette.interactions.first?.request.headers == ["Accept": ["*/*"]])
    }

    @Test func compactLayout() throws {
        let cassette = try readCassette(
            "---\nversion: 2\ninteractions:\n- id: 0\n  request:\n    headers:\n      Accept:\n      - '*/*'\n")
        #expect(cassette.layout == .compact)
    }

    @Test func emptyCassetteIsCompact() throws {
        #expect(try readCassette("---\nversion: 2\ninteractions: []\n") == Cassette())
        #expect(try readCassette("---\nversion: 2\ninteractions:\n") == Cassette())
        #expect(try readCassette("version: 2").layout == .compact)
    }

    @Test func flowInteractionsAreCompact() throws {
        let cassette = try readCassette("version: 2\ninteractions: [\n    {id: 0, request: {headers: {A: [x]}}}]\n")
        #expect(cassette.layout == .compact)
        #expect(cassette.interactions.first?.request.headers == ["A": ["x"]])
    }
}

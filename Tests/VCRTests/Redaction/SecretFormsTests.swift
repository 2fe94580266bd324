import Foundation
import TestSupport
import Testing
import VCRCassette

@testable import VCR

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The secret scan finds an environment secret in every form traffic carries
/// it in, in every part of an interaction, and a recording holding one is not saved.
@Suite struct SecretFormsTests {
    /// Where an interaction can hold a text, and the place a finding names.
    private static let fields: [(place: String, build: @Sendable (String) -> Interaction)] = [
        ("request URL", { Fixtures.interaction(0, url: "https://api.example.com/items?q=\($0)") }),
        ("request header X-Custom", { Fixtures.interaction(0, requestHeaders: ["X-Custom": [$0]]) }),
        ("request body", { Fixtures.interaction(0, method: "POST", requestBody: #"{"a":"\#($0)"}"#) }),
        ("response header X-Echo", { Fixtures.interaction(0, headers: ["X-Echo": ["before \($0) after"]]) }),
        ("response body", { Fixtures.interaction(0, body: #"{"items":["\#($0)"]}"#) }),
        (
            "request form field q",
            { text in
                var interaction = Fixtures.interaction(0)
                interaction.request.form = ["q": [text]]
                return interaction
            }
        ),
        (
            "response trailer X-Sig",
            { text in
                var interaction = Fixtures.interaction(0)
                interaction.response.trailer = ["X-Sig": [text]]
                return interaction
            }
        ),
    ]

    @Test func everyFormIsFoundInEveryField() {
        let secret = EnvironmentSecret("forms")
        let scan = SecretScan(environment: [secret.name: secret.value, "HOME": "/home/someone"])
        for form in secret.forms {
            for field in Self.fields {
                let findings = scan.findings(in: [field.build(form.text)])
                #expect(
                    findings == [SecretScan.Finding(variable: secret.name, place: "interaction 0 \(field.place)")],
                    "\(form.name) in the \(field.place)")
            }
        }
    }

    @Test func aSecretInsideJSONHeldInAJSONStringIsFound() throws {
        let secret = EnvironmentSecret("nested")
        let inner = String(decoding: try JSONSerialization.data(withJSONObject: ["key": secret.value]), as: UTF8.self)
        let outer = try JSONSerialization.data(withJSONObject: ["arguments": inner])
        let interaction = Fixtures.interaction(0, body: String(decoding: outer, as: UTF8.self))
        #expect(!String(decoding: outer, as: UTF8.self).contains(secret.value))
        #expect(SecretScan(environment: [secret.name: secret.value]).findings(in: [interaction]).count == 1)
    }

    /// A text repeating the secret but for its last character, then the
    /// secret: the search that takes over from the failing comparisons finds it.
    @Test func aSecretAfterManyNearMatchesIsFound() {
        let value = String(repeating: "ab", count: 20) + "c"
        let scan = SecretScan(environment: ["REPEAT_TOKEN": value])
        let nearMisses = String(repeating: String(value.dropLast()), count: 1_000)
        #expect(scan.findings(in: [Fixtures.interaction(0, body: nearMisses)]).isEmpty)
        #expect(scan.findings(in: [Fixtures.interaction(0, body: nearMisses + value)]).count == 1)
        #expect(scan.findings(in: [Fixtures.interaction(0, body: nearMisses + "ab" + value)]).count == 1)
    }

    @Test func textsWithoutTheSecretAreNotRefused() {
        let secret = EnvironmentSecret("absent")
        let scan = SecretScan(environment: [secret.name: secret.value])
        // Near misses: one character off, or half of the base64.
        let base64 = Data(secret.value.utf8).base64EncodedString()
        let texts = [
            String(secret.value.dropLast()), String(secret.value.dropFirst()),
            String(base64.prefix(base64.count / 2)), "%ZZ\\u12", "",
        ]
        for text in texts {
            #expect(scan.findings(in: [Fixtures.interaction(0, body: text)]).isEmpty, "\(text)")
        }
    }

    @Test func aPlaceIsNamedWithoutAHeaderNameThatIsTheSecret() {
        let secret = EnvironmentSecret("name")
        let interaction = Fixtures.interaction(0, requestHeaders: ["X-\(secret.parts[0])-\(secret.parts[1])": ["1"]])
        let scan = SecretScan(environment: ["TEST_NAME_KEY": "\(secret.parts[0])-\(secret.parts[1])"])
        #expect(
            scan.findings(in: [interaction]) == [
                SecretScan.Finding(variable: "TEST_NAME_KEY", place: "interaction 0 request header")
            ])
    }

    /// Each form recorded through a real session, in the body, a header and
    /// the query, is refused at save, and neither the refusal nor the report shows it.
    @Test func eachFormRecordedIsRefusedAtSave() async throws {
        try await RecordingSupport.withServerAndFolder { server, folder in
            let secret = EnvironmentSecret("recorded")
            let ascii = secret.asciiForms.map(\.name)
            for (number, form) in secret.forms.enumerated() {
                var requests: [(String, URLRequest)] = []
                var body = URLRequest(url: server.url("/echo"))
                body.httpMethod = "POST"
                body.setValue("application/json", forHTTPHeaderField: "Content-Type")
                body.httpBody = Data(#"{"input":"\#(form.text)"}"#.utf8)
                requests.append(("request body", body))
                if ascii.contains(form.name) {
                    var header = URLRequest(url: server.url("/echo"))
                    header.setValue(form.text, forHTTPHeaderField: "X-Custom")
                    requests.append(("request header X-Custom", header))
                    let isURLSafe = URL(string: "http://x/?q=\(form.text)") != nil
                    let query =
                        isURLSafe
                        ? form.text : form.text.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? ""
                    requests.append(("request URL", URLRequest(url: server.url("/echo?q=\(query)"))))
                }
                for (place, request) in requests {
                    let cassette = folder.appendingPathComponent("leak-\(number).yaml")
                    let vcr = try VCR(cassette: cassette, mode: .all, options: RecordingSupport.quiet)
                    _ = try await vcr.session.data(for: request)
                    let report = vcr.stop()
                    #expect(!report.isSaved, "\(form.name) in the \(place)")
                    #expect(!FileManager.default.fileExists(atPath: cassette.path))
                    #expect(
                        report.saveErrors == [
                            .secretFound(
                                variable: secret.name, place: "interaction 0 \(place)", cassettePath: cassette.path)
                        ],
                        "\(form.name) in the \(place)")
                    secret.expectHidden(in: report.saveErrors.map(\.description).joined(), "the refusal")
                    secret.expectHidden(in: report.description, "the report")
                    #expect(report.description.contains(secret.name))
                }
            }
        }
    }

    /// A form body the client sends is scanned after the form's own percent escapes are decoded.
    @Test func aFormBodyIsRefused() async throws {
        try await RecordingSupport.withServerAndFolder { server, folder in
            let secret = EnvironmentSecret("formbody")
            var request = URLRequest(url: server.url("/echo"))
            request.httpMethod = "POST"
            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
            var components = URLComponents()
            components.queryItems = [URLQueryItem(name: "password", value: secret.value)]
            request.httpBody = Data((components.percentEncodedQuery ?? "").utf8)
            let cassette = folder.appendingPathComponent("form.yaml")
            let vcr = try VCR(cassette: cassette, mode: .all, options: RecordingSupport.quiet)
            _ = try await vcr.session.data(for: request)
            let report = vcr.stop()
            #expect(
                report.saveErrors == [
                    .secretFound(
                        variable: secret.name, place: "interaction 0 request body", cassettePath: cassette.path)
                ])
        }
    }
}

/// Compressed bodies are scanned decompressed.
@Suite struct CompressedSecretTests {
    /// `data` compressed by the `gzip` tool.
    private static func gzip(_ data: Data) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-c", "-n"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(data)
        try input.fileHandleForWriting.close()
        let compressed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return compressed
    }

    @Test func aGzippedRequestBodyHoldingASecretIsNotSaved() async throws {
        try await RecordingSupport.withServerAndFolder { server, folder in
            let secret = EnvironmentSecret("gzip")
            var request = URLRequest(url: server.url("/echo"))
            request.httpMethod = "POST"
            request.setValue("gzip", forHTTPHeaderField: "Content-Encoding")
            let padding = String(repeating: "filler text ", count: 200)
            request.httpBody = try Self.gzip(
                try JSONSerialization.data(withJSONObject: ["pad": padding, "key": secret.value]))
            #expect(request.httpBody?.range(of: Data(secret.parts[0].utf8)) == nil)
            let cassette = folder.appendingPathComponent("gzip.yaml")
            let vcr = try VCR(cassette: cassette, mode: .all, options: RecordingSupport.quiet)
            _ = try await vcr.session.data(for: request)
            let report = vcr.stop()
            #expect(!FileManager.default.fileExists(atPath: cassette.path))
            #expect(
                report.saveErrors == [
                    .secretFound(
                        variable: secret.name, place: "interaction 0 request body, decompressed",
                        cassettePath: cassette.path)
                ])
        }
    }

    @Test func aStoredGzipResponseBodyIsScannedDecompressed() throws {
        let secret = EnvironmentSecret("gzipped")
        let body = try Self.gzip(Data("first member \(secret.value)".utf8))
        let scan = SecretScan(environment: [secret.name: secret.value])
        var interaction = Fixtures.interaction(0, headers: ["Content-Encoding": ["gzip"]])
        // Two gzip members, the secret in the second.
        interaction.response.body = try Self.gzip(Data("nothing here".utf8)) + body
        #expect(
            scan.findings(in: [interaction]) == [
                .init(variable: secret.name, place: "interaction 0 response body, decompressed")
            ])
        interaction.response.body = try Self.gzip(Data("nothing here".utf8))
        #expect(scan.findings(in: [interaction]).isEmpty)
    }
}

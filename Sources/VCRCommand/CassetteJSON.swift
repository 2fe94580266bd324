import Foundation
import VCRCassette

/// The JSON form `vcr dump` prints: every field of the cassette format under its
/// YAML key, in the format's order, empty values included.
///
/// A body is a JSON string when it is valid UTF-8 and `{"binary": "<base64>"}`
/// otherwise; header, trailer and form names are sorted; `duration` is Go's text.
enum CassetteJSON {
    /// The cassette as a JSON value.
    static func value(of cassette: Cassette) -> JSONValue {
        .object([
            ("version", .integer(Int64(Cassette.formatVersion))),
            ("interactions", .array(cassette.interactions.map(value(of:)))),
        ])
    }

    private static func value(of interaction: Interaction) -> JSONValue {
        .object([
            ("id", .integer(Int64(interaction.id))),
            ("request", value(of: interaction.request)),
            ("response", value(of: interaction.response)),
        ])
    }

    private static func value(of request: RecordedRequest) -> JSONValue {
        .object([
            ("proto", .string(request.proto)),
            ("proto_major", .integer(Int64(request.protoMajor))),
            ("proto_minor", .integer(Int64(request.protoMinor))),
            ("content_length", .integer(request.contentLength)),
            ("transfer_encoding", .array(request.transferEncoding.map(JSONValue.string))),
            ("trailer", value(of: request.trailer)),
            ("host", .string(request.host)),
            ("remote_addr", .string(request.remoteAddress)),
            ("request_uri", .string(request.requestURI)),
            ("body", value(ofBody: request.body)),
            ("form", value(of: request.form)),
            ("headers", value(of: request.headers)),
            ("url", .string(request.url)),
            ("method", .string(request.method)),
        ])
    }

    private static func value(of response: RecordedResponse) -> JSONValue {
        .object([
            ("proto", .string(response.proto)),
            ("proto_major", .integer(Int64(response.protoMajor))),
            ("proto_minor", .integer(Int64(response.protoMinor))),
            ("transfer_encoding", .array(response.transferEncoding.map(JSONValue.string))),
            ("trailer", value(of: response.trailer)),
            ("content_length", .integer(response.contentLength)),
            ("uncompressed", .bool(response.uncompressed)),
            ("body", value(ofBody: response.body)),
            ("headers", value(of: response.headers)),
            ("status", .string(response.status)),
            ("code", .integer(Int64(response.code))),
            ("duration", .string(response.duration.description)),
        ])
    }

    private static func value(ofBody body: Data) -> JSONValue {
        if let text = String(validating: body, as: UTF8.self) {
            return .string(text)
        }
        return .object([("binary", .string(body.base64EncodedString()))])
    }

    private static func value(of fields: [String: [String]]) -> JSONValue {
        .object(
            fields.sorted { $0.key < $1.key }.map { name, values in
                (name, .array(values.map(JSONValue.string)))
            })
    }
}

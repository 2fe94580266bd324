import Foundation
import NIOHTTP1
import VCR
import VCRCassette

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Which header fields cross the server: the request's end-to-end fields are
/// matched (and recorded), and a response's framing is the server's own.
enum HeaderRules {
    /// Fields that describe one connection, never matched, recorded or replayed.
    static let hopByHop: Set<String> = [
        "connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade",
    ]
    /// Request fields a client sends to this server rather than to the origin.
    private static let serverOnly: Set<String> = hopByHop.union(["host", "content-length", "expect"])
    /// The encodings URLSession decodes while forwarding: the live body arrives decoded.
    private static let decodedEncodings: Set<String> = ["gzip", "x-gzip", "deflate", "br"]

    /// A request's fields as the VCR matches them: names differing only in
    /// case merged under the first spelling, connection fields left out.
    static func matched(_ headers: HTTPHeaders) -> [String: [String]] {
        var spelling: [String: String] = Dictionary(minimumCapacity: headers.count)
        var fields: [String: [String]] = Dictionary(minimumCapacity: headers.count)
        for (name, value) in headers {
            let key = name.lowercased()
            guard !serverOnly.contains(key) else { continue }
            let canonical = spelling[key] ?? name
            spelling[key] = canonical
            fields[canonical, default: []].append(value)
        }
        return fields
    }

    /// The head of a replayed response: the recorded status and fields, framed
    /// by the recorded `Content-Length` when there is one, else chunked.
    static func replayed(_ response: RecordedResponse, request: HTTPRequestHead, keepAlive: Bool) -> HTTPResponseHead {
        var fields: [(String, String)] = []
        fields.reserveCapacity(response.headers.count + 2)
        var declaresLength = false
        var recordedLength: String?
        for (name, values) in response.headers.sorted(by: { $0.key < $1.key }) {
            if isASCIICaseInsensitive(name, "content-length") {
                if !declaresLength { recordedLength = values.first }
                declaresLength = true
                continue
            }
            guard !isHopByHop(name) else { continue }
            for value in values where isCarriable(name: name, value: value) {
                fields.append((name, value))
            }
        }
        if request.method == .HEAD {
            if let recordedLength { fields.append(("Content-Length", recordedLength)) }
        } else if allowsBody(response.code) {
            if declaresLength || !isChunkable(request.version) {
                fields.append(("Content-Length", String(response.body.count)))
            } else {
                fields.append(("Transfer-Encoding", "chunked"))
            }
        }
        // NIO spells the reason of a status it knows itself: only another's recorded reason is kept.
        var status = HTTPResponseStatus(statusCode: response.code)
        if case .custom = status {
            status = HTTPResponseStatus(
                statusCode: response.code, reasonPhrase: reason(in: response.status, code: response.code))
        }
        return head(status: status, HTTPHeaders(fields), request, keepAlive)
    }

    /// The head of a response forwarded while recording: the origin's status
    /// and fields, chunked (the body arrives as it comes), without the fields
    /// of an encoding URLSession already decoded.
    static func live(_ response: HTTPURLResponse, request: HTTPRequestHead, keepAlive: Bool) -> HTTPResponseHead {
        var fields: [(String, String)] = []
        var decoded = false
        for (name, value) in response.stringHeaderFields {
            let key = name.lowercased()
            if key == "content-encoding", decodedEncodings.contains(value.lowercased()) { decoded = true }
            guard !hopByHop.contains(key), key != "content-length", isCarriable(name: name, value: value) else {
                continue
            }
            fields.append((name, value))
        }
        var headers = HTTPHeaders()
        for (name, value) in fields.sorted(by: { $0.0 < $1.0 })
        where !(decoded && name.lowercased() == "content-encoding") {
            headers.add(name: name, value: value)
        }
        if allowsBody(response.statusCode), request.method != .HEAD, isChunkable(request.version) {
            headers.add(name: "Transfer-Encoding", value: "chunked")
        }
        return head(
            status: HTTPResponseStatus(statusCode: response.statusCode), headers, request,
            isChunkable(request.version) && keepAlive)
    }

    /// The head of a response the server makes up: plain text of `length` bytes.
    static func error(status: Int, kind: String, length: Int, request: HTTPRequestHead?, keepAlive: Bool)
        -> HTTPResponseHead
    {
        var headers = HTTPHeaders([
            ("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", String(length)),
            (CassetteServer.errorHeader, kind),
        ])
        if kind == "mismatch" { headers.add(name: CassetteServer.mismatchHeader, value: "true") }
        return HTTPResponseHead(
            version: request?.version ?? .http1_1,
            status: HTTPResponseStatus(
                statusCode: status, reasonPhrase: status == 408 ? "Request Timeout" : "VCR Error"),
            headers: keepAlive ? headers : headers.adding(name: "Connection", value: "close"))
    }

    private static func head(
        status: HTTPResponseStatus, _ headers: HTTPHeaders, _ request: HTTPRequestHead, _ keepAlive: Bool
    ) -> HTTPResponseHead {
        var headers = headers
        if !keepAlive {
            headers.add(name: "Connection", value: "close")
        } else if !isChunkable(request.version) {
            headers.add(name: "Connection", value: "keep-alive")
        }
        return HTTPResponseHead(version: request.version, status: status, headers: headers)
    }

    /// Whether `name` is a connection field (``hopByHop``), in any case.
    private static func isHopByHop(_ name: String) -> Bool {
        hopByHop.contains { isASCIICaseInsensitive(name, $0) }
    }

    /// Whether `name` spells `lowercased`, an ASCII name in lower case, in any case.
    private static func isASCIICaseInsensitive(_ name: String, _ lowercased: String) -> Bool {
        name.utf8.count == lowercased.utf8.count
            && zip(name.utf8, lowercased.utf8).allSatisfy { byte, lower in
                (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 0x20 == lower : byte == lower
            }
    }

    /// Whether HTTP/1.1 can carry this field: a token for a name, and a value
    /// without control characters but tab. A recorded field that cannot be
    /// sent (a value holding a line break, say) is left out of the response.
    static func isCarriable(name: String, value: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy(isTokenByte)
            && value.utf8.allSatisfy { $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) }
    }

    /// Whether a byte may appear in a field name (RFC 9110 `tchar`).
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }

    /// Whether a response with this status has a body at all.
    private static func allowsBody(_ code: Int) -> Bool {
        code >= 200 && code != 204 && code != 304
    }

    /// The reason phrase of a go-vcr status such as `200 OK`.
    private static func reason(in status: String, code: Int) -> String {
        let prefix = "\(code) "
        if status.hasPrefix(prefix) { return String(status.dropFirst(prefix.count)) }
        return status.isEmpty ? HTTPResponseStatus(statusCode: code).reasonPhrase : status
    }
}

extension HTTPHeaders {
    /// These fields and one more.
    fileprivate func adding(name: String, value: String) -> HTTPHeaders {
        var headers = self
        headers.add(name: name, value: value)
        return headers
    }
}

/// Whether a response in this version may use chunked transfer encoding: HTTP/1.1 and later.
private func isChunkable(_ version: HTTPVersion) -> Bool {
    (version.major, version.minor) >= (1, 1)
}

import Foundation
import VCRCassette

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension RecordedResponse {
    /// The header fields as `HTTPURLResponse` takes them: a name's values joined
    /// with `", "`, names differing only in case merged under the first spelling.
    var joinedHeaderFields: [String: String] {
        let namesDiffer =
            headers.keys.allSatisfy(Self.isCanonical)
            || Set(headers.keys.lazy.map { $0.lowercased() }).count == headers.count
        if namesDiffer { return headers.mapValues { $0.joined(separator: ", ") } }
        var spelling: [String: String] = [:]
        var fields: [String: [String]] = [:]
        for name in headers.keys.sorted() {
            let key = name.lowercased()
            let canonical = spelling[key] ?? name
            spelling[key] = canonical
            fields[canonical, default: []] += headers[name] ?? []
        }
        return fields.mapValues { $0.joined(separator: ", ") }
    }

    /// Whether `name` is in the form Go's client writes every name it receives
    /// (`Content-Type`: ASCII, a capital at the start and after each `-`, small
    /// letters elsewhere). The form follows from the lowercased name, so two
    /// names in it differ in more than case, which this tells without
    /// lowercasing them into a set (joining a request's fields took 5.1 K
    /// instructions with the set, 2.2 K without; callgrind).
    private static func isCanonical(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { bytes in
            var startsWord = true
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): guard startsWord else { return false }
                case UInt8(ascii: "a")...UInt8(ascii: "z"): guard !startsWord else { return false }
                case 0x80...: return false
                default: break
                }
                startsWord = byte == UInt8(ascii: "-")
            }
            return true
        }
    }

    /// The response URLSession's callers receive for a request to `url`.
    func httpResponse(for url: URL) -> HTTPURLResponse? {
        HTTPURLResponse(url: url, statusCode: code, httpVersion: proto, headerFields: joinedHeaderFields)
    }

    /// The body cut into the chunks a streaming consumer receives.
    func chunkRanges(chunkSize: Int) -> [Range<Data.Index>] {
        ChunkSplitter.ranges(of: body, format: StreamFormat(of: self), chunkSize: chunkSize)
    }
}

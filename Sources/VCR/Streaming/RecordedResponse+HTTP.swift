import Foundation
import VCRCassette

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension RecordedResponse {
    /// The header fields as `HTTPURLResponse` takes them: a name's values joined
    /// with `", "`, names differing only in case merged under the first spelling.
    var joinedHeaderFields: [String: String] {
        let names = Set(headers.keys.lazy.map { $0.lowercased() })
        if names.count == headers.count { return headers.mapValues { $0.joined(separator: ", ") } }
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

    /// The response URLSession's callers receive for a request to `url`.
    func httpResponse(for url: URL) -> HTTPURLResponse? {
        HTTPURLResponse(url: url, statusCode: code, httpVersion: proto, headerFields: joinedHeaderFields)
    }

    /// The body cut into the chunks a streaming consumer receives.
    func chunkRanges(chunkSize: Int) -> [Range<Data.Index>] {
        ChunkSplitter.ranges(of: body, format: StreamFormat(of: self), chunkSize: chunkSize)
    }
}

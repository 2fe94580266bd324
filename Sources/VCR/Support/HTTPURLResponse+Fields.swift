import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension HTTPURLResponse {
    /// The response's header fields with string names and values, as
    /// `allHeaderFields` holds them (one value per name, repeated fields
    /// already joined); an entry that is not a pair of strings is left out.
    package var stringHeaderFields: [String: String] {
        var fields: [String: String] = [:]
        for (name, value) in allHeaderFields {
            if let name = name.base as? String, let value = value as? String { fields[name] = value }
        }
        return fields
    }
}

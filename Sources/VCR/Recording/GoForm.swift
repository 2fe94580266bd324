import Foundation

/// The `form` go-vcr records: Go's `http.Request.Form` after `ParseForm`, the
/// fields of an `application/x-www-form-urlencoded` body of a POST, PUT or
/// PATCH first, then the query parameters.
enum GoForm {
    /// The form of a request.
    static func fields(method: String, url: String, contentType: String?, body: Data) -> [String: [String]] {
        var form: [String: [String]] = [:]
        if ["POST", "PUT", "PATCH"].contains(method), contentType.map(MediaType.of) == MediaType.form,
            let text = String(validating: body, as: UTF8.self)
        {
            add(text[...], to: &form)
        }
        if let questionMark = url.firstIndex(of: "?") {
            let query = url[url.index(after: questionMark)...]
            add(query[..<(query.firstIndex(of: "#") ?? query.endIndex)], to: &form)
        }
        return form
    }

    /// Go's `url.ParseQuery`: pairs split at `&`, those with a `;` or a bad
    /// escape skipped, `+` read as a space.
    private static func add(_ query: Substring, to form: inout [String: [String]]) {
        for pair in query.split(separator: "&") where !pair.contains(";") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = unescape(parts[0]), let value = parts.count > 1 ? unescape(parts[1]) : "" else {
                continue
            }
            form[name, default: []].append(value)
        }
    }

    private static func unescape(_ text: Substring) -> String? {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.contains("%") ? spaced.removingPercentEncoding : spaced
    }
}

import Foundation

/// Explains how a request body differs from a recorded one, as a unified diff
/// of their lines (JSON pretty-printed with sorted keys first) or, for binary
/// bodies, the first differing byte.
enum BodyDiff {
    /// The diff text; nil when the bodies show no difference.
    ///
    /// - Parameters:
    ///   - recordedJSON, requestJSON: the documents to compare instead of the
    ///     bytes' own JSON, such as documents without ignored members.
    static func explain(
        recorded: PreparedBody?, request: PreparedBody?, recordedJSON: JSONValue? = nil, requestJSON: JSONValue? = nil,
        interactionID: Int
    ) -> String? {
        let oldLabel = "cassette #\(interactionID) body"
        let newLabel = "request body"
        if let old = recordedJSON ?? recorded?.json, let new = requestJSON ?? request?.json {
            return UnifiedDiff.text(
                old: JSONPrettyPrinter.lines(of: old), new: JSONPrettyPrinter.lines(of: new), oldLabel: oldLabel,
                newLabel: newLabel)
        }
        let old = recorded?.normalized ?? Data()
        let new = request?.normalized ?? Data()
        guard let oldText = String(data: old, encoding: .utf8), let newText = String(data: new, encoding: .utf8)
        else {
            return binaryDifference(old, new)
        }
        return UnifiedDiff.text(old: lines(oldText), new: lines(newText), oldLabel: oldLabel, newLabel: newLabel)
    }

    /// How many lines differ, for ranking candidates; 0 when equal.
    static func changeCount(recorded: PreparedBody?, request: PreparedBody?) -> Int {
        if let old = recorded?.json, let new = request?.json {
            return UnifiedDiff.changeCount(old: JSONPrettyPrinter.lines(of: old), new: JSONPrettyPrinter.lines(of: new))
        }
        let old = String(decoding: recorded?.normalized ?? Data(), as: UTF8.self)
        let new = String(decoding: request?.normalized ?? Data(), as: UTF8.self)
        return UnifiedDiff.changeCount(old: lines(old), new: lines(new))
    }

    private static func lines(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    private static func binaryDifference(_ old: Data, _ new: Data) -> String? {
        guard old != new else { return nil }
        let common = zip(old, new).prefix { $0 == $1 }.count
        return
            "binary bodies differ: cassette \(old.count) bytes, request \(new.count) bytes, first difference at byte \(common)"
    }
}

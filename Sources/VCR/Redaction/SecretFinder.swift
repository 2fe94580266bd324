import Foundation

/// Finds secret values in a text, written as they are or in the forms HTTP
/// traffic carries them: JSON string escapes (`\/`, `\uXXXX` for any
/// character, mixed with raw characters), percent escapes (`+` for a space),
/// either of those inside the other, and base64 (standard and URL-safe, at
/// any alignment inside a longer base64 text, so `user:secret` as in
/// `Authorization: Basic` too).
///
/// The work is linear in the text: it is decoded once per form, and each
/// decoded form searched once for each of a secret's few encodings (the value
/// itself, and the base64 of its three alignments, trimmed to the characters
/// that depend on the secret alone).
struct SecretFinder: Sendable {
    /// A value looked for, and the name findings and masks give it.
    struct Secret: Sendable, Hashable {
        /// What names the value: a variable's name, or a redaction placeholder.
        var name: String
        /// The value.
        var value: String
    }

    /// Where a secret was found in the original text.
    struct Match {
        /// The index of the secret in ``secrets``.
        var secret: Int
        /// The bytes of the original text its encoded form spans.
        var range: Range<Int>
    }

    /// One encoding of a secret, with its Knuth–Morris–Pratt failure table.
    private struct Needle: Sendable {
        /// The index of the secret in ``secrets``.
        var secret: Int
        /// The bytes looked for.
        var bytes: [UInt8]
        /// Whether they are base64, so that a mask covers the base64 around them.
        var isBase64: Bool
        /// For each prefix length + 1, the length of its longest proper prefix that is also its suffix.
        var failure: [Int]
        /// The position of the byte `memchr` looks for: one rare in text
        /// (not a lowercase letter, space or JSON punctuation) when there is one.
        var anchor: Int

        init(secret: Int, bytes: [UInt8], isBase64: Bool) {
            self.secret = secret
            self.bytes = bytes
            self.isBase64 = isBase64
            var failure = [Int](repeating: 0, count: bytes.count)
            var length = 0
            for index in bytes.indices.dropFirst() {
                while length > 0, bytes[index] != bytes[length] { length = failure[length - 1] }
                if bytes[index] == bytes[length] { length += 1 }
                failure[index] = length
            }
            self.failure = failure
            let common = Set("abcdefghijklmnopqrstuvwxyz \",:{}".utf8)
            anchor = bytes.firstIndex { !common.contains($0) } ?? 0
        }
    }

    /// The name endings that make an environment variable secret-looking.
    static let nameSuffixes = ["KEY", "TOKEN", "SECRET", "PASSWORD"]
    /// The shortest value looked for: shorter ones match by chance.
    static let minimumLength = 8

    /// The values looked for.
    let secrets: [Secret]
    private let needles: [Needle]

    /// Looks for `secrets`; values shorter than ``minimumLength`` are left out.
    init(_ secrets: [Secret]) {
        self.secrets = secrets.filter { $0.value.count >= Self.minimumLength }
        needles = self.secrets.enumerated().flatMap { offset, secret in
            let value = Array(secret.value.utf8)
            return [Needle(secret: offset, bytes: value, isBase64: false)]
                + Self.base64Middles(of: value).map { Needle(secret: offset, bytes: $0, isBase64: true) }
        }
    }

    /// The secret-looking variables of `environment`, sorted by name.
    static func environmentSecrets(_ environment: [String: String]) -> [Secret] {
        environment.compactMap { name, value in
            let upper = name.uppercased()
            guard value.count >= minimumLength, nameSuffixes.contains(where: upper.hasSuffix) else { return nil }
            return Secret(name: name, value: value)
        }.sorted { $0.name < $1.name }
    }

    /// Whether nothing is looked for.
    var isEmpty: Bool { secrets.isEmpty }

    /// The indices of the secrets among `candidates` that `text` holds in any form.
    func secretsFound(in text: [UInt8], among candidates: Set<Int>) -> Set<Int> {
        guard !candidates.isEmpty else { return [] }
        var found: Set<Int> = []
        for view in Self.views(of: text, tracksSources: false) {
            for needle in needles where candidates.contains(needle.secret) && !found.contains(needle.secret) {
                if Self.firstOccurrence(of: needle, in: view.bytes, from: 0) != nil { found.insert(needle.secret) }
            }
        }
        return found
    }

    /// Every place `text` holds a secret in any form, as ranges of its bytes;
    /// a base64 match spans the whole base64 run around it.
    func matches(in text: [UInt8]) -> [Match] {
        guard !needles.isEmpty else { return [] }
        var matches: [Match] = []
        for view in Self.views(of: text, tracksSources: true) {
            for needle in needles {
                var start = 0
                while let found = Self.firstOccurrence(of: needle, in: view.bytes, from: start) {
                    var range = found..<(found + needle.bytes.count)
                    if needle.isBase64 { range = Self.base64Run(around: range, in: view.bytes) }
                    matches.append(Match(secret: needle.secret, range: view.source(of: range)))
                    start = found + 1
                }
            }
        }
        return matches
    }

    /// The text and its decoded forms: JSON escapes decoded (twice, for JSON
    /// held in a JSON string), percent escapes decoded (`+` as a space, and as
    /// itself for base64), and each kind inside the other. A form is made only
    /// when the text has what it decodes.
    private static func views(of text: [UInt8], tracksSources: Bool) -> [DecodedText] {
        let original = DecodedText(text, tracksSources: tracksSources)
        var views = [original]
        let hasPercent = original.contains(UInt8(ascii: "%"))
        let hasPlus = original.contains(UInt8(ascii: "+"))
        if hasPercent || hasPlus {
            var percents = [original.decodingPercentEscapes(plusIsSpace: true)]
            if hasPercent, hasPlus { percents.append(original.decodingPercentEscapes(plusIsSpace: false)) }
            for percent in percents {
                views.append(percent)
                if percent.contains(UInt8(ascii: "\\")) { views.append(percent.decodingJSONEscapes()) }
            }
        }
        if original.contains(UInt8(ascii: "\\")) {
            let json = original.decodingJSONEscapes()
            views.append(json)
            if json.contains(UInt8(ascii: "\\")) { views.append(json.decodingJSONEscapes()) }
            if json.contains(UInt8(ascii: "%")) || json.contains(UInt8(ascii: "+")) {
                views.append(json.decodingPercentEscapes(plusIsSpace: true))
            }
        }
        return views
    }

    /// The base64 of `value` as it appears inside any longer base64 text, at
    /// each of the three alignments, standard and URL-safe: the 3-byte groups
    /// made of the secret's bytes alone, which encode the same whatever
    /// surrounds them.
    private static func base64Middles(of value: [UInt8]) -> [[UInt8]] {
        var middles: [[UInt8]] = []
        for skipped in 0..<3 {
            let groups = (value.count - skipped) / 3
            guard groups >= 2 else { continue }
            let standard = Data(value[skipped..<(skipped + groups * 3)]).base64EncodedString()
            let urlSafe = standard.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            for form in [standard, urlSafe] where !middles.contains(Array(form.utf8)) {
                middles.append(Array(form.utf8))
            }
        }
        return middles
    }

    /// `range` widened to the base64 characters (either alphabet) around it,
    /// and the `=` padding after them; a percent escape before it, such as
    /// the `%20` after `Basic`, is not taken in.
    private static func base64Run(around range: Range<Int>, in bytes: [UInt8]) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower > 0, isBase64Character(bytes[lower - 1]), !endsPercentEscape(bytes, at: lower) { lower -= 1 }
        while upper < bytes.count, isBase64Character(bytes[upper]) { upper += 1 }
        while upper < bytes.count, bytes[upper] == UInt8(ascii: "=") { upper += 1 }
        return lower..<upper
    }

    /// Whether the bytes before `position` end with a percent escape.
    private static func endsPercentEscape(_ bytes: [UInt8], at position: Int) -> Bool {
        position >= 3 && bytes[position - 3] == UInt8(ascii: "%") && isHexDigit(bytes[position - 2])
            && isHexDigit(bytes[position - 1])
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
            UInt8(ascii: "A")...UInt8(ascii: "F"):
            true
        default: false
        }
    }

    private static func isBase64Character(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "-"),
            UInt8(ascii: "_"):
            true
        default: false
        }
    }

    /// The first position at or after `start` where `needle` occurs in
    /// `haystack`: `memchr` finds each place its anchor byte could be, and
    /// `memcmp` compares the whole needle there. When the comparisons fail
    /// more often than the text has room for needles (a repetitive text),
    /// Knuth–Morris–Pratt takes over, which reads no byte twice: the search
    /// stays linear.
    private static func firstOccurrence(of needle: Needle, in haystack: [UInt8], from start: Int) -> Int? {
        let count = needle.bytes.count
        guard count > 0, haystack.count - start >= count else { return nil }
        return haystack.withUnsafeBufferPointer { hay -> Int? in
            needle.bytes.withUnsafeBufferPointer { pattern -> Int? in
                guard let base = hay.baseAddress, let patternBase = pattern.baseAddress else { return nil }
                let anchor = needle.anchor
                let lastAnchor = hay.count - count + anchor
                var budget = max(16, (hay.count - start) / count)
                var position = start + anchor
                while position <= lastAnchor {
                    guard let hit = memchr(base + position, Int32(pattern[anchor]), lastAnchor - position + 1) else {
                        return nil
                    }
                    let candidate = UnsafeRawPointer(hit) - UnsafeRawPointer(base) - anchor
                    if memcmp(base + candidate, patternBase, count) == 0 { return candidate }
                    budget -= 1
                    if budget == 0 { return knuthMorrisPratt(needle, in: hay, from: candidate + 1) }
                    position = candidate + anchor + 1
                }
                return nil
            }
        }
    }

    /// The first position at or after `start` where `needle` occurs, by Knuth–Morris–Pratt.
    private static func knuthMorrisPratt(_ needle: Needle, in hay: UnsafeBufferPointer<UInt8>, from start: Int) -> Int?
    {
        needle.bytes.withUnsafeBufferPointer { pattern -> Int? in
            needle.failure.withUnsafeBufferPointer { failure -> Int? in
                var matched = 0
                var index = start
                while index < hay.count {
                    let byte = hay[index]
                    while matched > 0, byte != pattern[matched] { matched = failure[matched - 1] }
                    if byte == pattern[matched] { matched += 1 }
                    index += 1
                    if matched == pattern.count { return index - pattern.count }
                }
                return nil
            }
        }
    }
}

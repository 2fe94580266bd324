import VCRCassette

/// A cassette's interactions prepared for matching, bucketed by method and URL.
///
/// Built once per cassette: each request then looks at the interactions of its
/// own bucket instead of scanning the cassette. When the matchers do not
/// compare the method or the URL, that part of the key is left out.
struct InteractionIndex: Sendable {
    private struct Key: Hashable {
        var method: String?
        var url: String?
    }

    /// The matchers the subjects were prepared for.
    let matchers: [Matcher]
    /// Every interaction, in file order.
    let interactions: [PreparedInteraction]
    /// For each bucket, the positions of its interactions in file order.
    let buckets: [[Int]]
    private let keysMethod: Bool
    private let keysURL: Bool
    private let bucketsByKey: [Key: Int]

    init(interactions: [Interaction], matchers: [Matcher]) {
        self.matchers = matchers
        self.interactions = interactions.map { PreparedInteraction($0, matchers: matchers) }
        keysMethod = matchers.contains { if case .method = $0.rule { true } else { false } }
        keysURL = matchers.contains { if case .url = $0.rule { true } else { false } }
        var buckets: [[Int]] = []
        var bucketsByKey: [Key: Int] = [:]
        for (position, prepared) in self.interactions.enumerated() {
            let key = Self.key(prepared.subject, method: keysMethod, url: keysURL)
            if let bucket = bucketsByKey[key] {
                buckets[bucket].append(position)
            } else {
                bucketsByKey[key] = buckets.count
                buckets.append([position])
            }
        }
        self.buckets = buckets
        self.bucketsByKey = bucketsByKey
    }

    private static func key(_ subject: MatchSubject, method: Bool, url: Bool) -> Key {
        Key(method: method ? subject.method : nil, url: url ? subject.url : nil)
    }

    /// Prepares a live request for these matchers.
    func prepare(_ request: InterceptedRequest) -> PreparedRequest {
        PreparedRequest(request, matchers: matchers)
    }

    /// The bucket of the interactions that can match: those with the request's
    /// method and URL when the matchers compare them; nil when there are none.
    func bucket(for request: PreparedRequest) -> Int? {
        bucketsByKey[Self.key(request.subject, method: keysMethod, url: keysURL)]
    }

    /// Whether the interaction at `position` passes every matcher.
    func matches(_ request: PreparedRequest, at position: Int) -> Bool {
        let recorded = interactions[position]
        return matchers.enumerated().allSatisfy { offset, matcher in
            matcher.passes(request, recorded, position: offset)
        }
    }
}

import VCRCassette

/// A cassette's interactions prepared for matching, grouped so that a request
/// looks only at interactions that can answer it.
///
/// Built once per cassette. Interactions are bucketed by method and URL (when
/// the matchers compare them). When the matchers include ``Matcher/body``, each
/// bucket is further split into ``BodyClasses`` on the first request with a
/// body that lands in it, so that opening a cassette neither hashes nor parses
/// its recorded bodies.
///
/// Buckets and classes are numbered together as groups, whose positions are in
/// file order, so "the first unused match" is the first unused position of a
/// group: bucket `b` is group `b`, and a body class is the bucket count plus
/// the position of its first interaction, whichever order classes are built in.
package struct InteractionIndex: Sendable {
    /// Where the interactions that can answer a request are.
    struct Candidates {
        /// The group's number, below ``InteractionIndex/groupCount``.
        let group: Int
        /// The group's positions, in file order.
        let positions: [Int]
        /// Whether every position passes every matcher, so none needs checking.
        let allMatch: Bool
    }

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
    private let needs: MatchSubject.Needs
    private let keysMethod: Bool
    private let keysURL: Bool
    private let classifiesBodies: Bool
    /// Whether the matchers are only `method`, `url` and `body`, which the
    /// buckets and classes decide on their own.
    private let groupsDecide: Bool
    private let bucketsByKey: [Key: Int]
    /// The body classes of each bucket a request with a body has landed in, by bucket.
    private let bodyClasses = Locked<[Int: BodyClasses]>([:])

    /// The number of groups: buckets, then one for each interaction that can
    /// come first in a body class.
    var groupCount: Int { buckets.count + (classifiesBodies ? interactions.count : 0) }

    package init(interactions: [Interaction], matchers: [Matcher]) {
        self.matchers = matchers
        needs = MatchSubject.Needs(matchers)
        let needs = needs
        self.interactions = interactions.map { PreparedInteraction($0, needs: needs) }
        keysMethod = matchers.contains { if case .method = $0.rule { true } else { false } }
        keysURL = matchers.contains { if case .url = $0.rule { true } else { false } }
        classifiesBodies = matchers.contains { if case .body = $0.rule { true } else { false } }
        groupsDecide = matchers.allSatisfy {
            switch $0.rule {
            case .method, .url, .body: true
            default: false
            }
        }
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
    package func prepare(_ request: InterceptedRequest) -> PreparedRequest {
        PreparedRequest(request, needs: needs)
    }

    /// The bucket of the interactions that can match: those with the request's
    /// method and URL when the matchers compare them; nil when there are none.
    func bucket(for request: PreparedRequest) -> Int? {
        bucketsByKey[Self.key(request.subject, method: keysMethod, url: keysURL)]
    }

    /// The group holding every interaction that can answer `request`: its body
    /// class when the matchers compare bodies and the request has one, else its
    /// bucket. Nil when no interaction can.
    func candidates(for request: PreparedRequest) -> Candidates? {
        guard let bucket = bucket(for: request) else { return nil }
        guard classifiesBodies, let body = request.subject.body else {
            return Candidates(group: bucket, positions: buckets[bucket], allMatch: groupsDecide)
        }
        guard let positions = classes(ofBucket: bucket).positions(of: body) else { return nil }
        return Candidates(group: buckets.count + positions[0], positions: positions, allMatch: groupsDecide)
    }

    /// The body classes of `bucket`, built on the first call for it.
    private func classes(ofBucket bucket: Int) -> BodyClasses {
        bodyClasses.withLock { built in
            if let classes = built[bucket] { return classes }
            let classes = BodyClasses(positions: buckets[bucket], of: interactions)
            built[bucket] = classes
            return classes
        }
    }

    /// Whether the interaction at `position` passes every matcher, one by one:
    /// the naive scan the index's model test compares its answers with.
    package func matches(_ request: PreparedRequest, at position: Int) -> Bool {
        let recorded = interactions[position]
        return matchers.indices.allSatisfy { offset in
            matchers[offset].passes(request, recorded, position: offset)
        }
    }
}

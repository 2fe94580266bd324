import VCRCassette

/// A cassette's interactions prepared for matching, grouped so that a request
/// looks only at interactions that can answer it.
///
/// Built once per cassette. Interactions are bucketed by method and URL (when
/// the matchers compare them). When the matchers include ``Matcher/body``, each
/// bucket is further split into body classes: interactions whose bodies are
/// equivalent (equal after CRLF→LF normalisation, or equal as JSON values).
/// A request with a body is looked up in its class by a hash of every
/// normalised byte, without parsing it; only a body no recorded one equals
/// byte for byte is digested as JSON, and looked up by its value's digest.
/// Recorded bodies are digested only when their bucket has a second class, to
/// tell which are equal as JSON: most buckets have one, so most bodies never
/// are. A digest is read from the bytes without building the value
/// (``JSONValue/digest(ofDocument:)``); bodies are parsed into values only to
/// compare two whose digests agree.
///
/// Buckets and classes are numbered together as groups, whose positions are in
/// file order, so "the first unused match" is the first unused position of a group.
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

    private struct BytesKey: Hashable {
        var bucket: Int
        var bytes: BodyBytes
    }

    /// The digest of a JSON value in a bucket (``JSONValue/digest``), and
    /// which of the unequal values that share it: the first is 0.
    private struct DigestKey: Hashable {
        var bucket: Int
        var digest: UInt64
        var ordinal = 0
    }

    /// The matchers the subjects were prepared for.
    let matchers: [Matcher]
    /// Every interaction, in file order.
    let interactions: [PreparedInteraction]
    /// For each bucket, the positions of its interactions in file order.
    let buckets: [[Int]]
    /// For each body class, the positions of its interactions in file order;
    /// empty when the matchers do not include ``Matcher/body``.
    let bodyClasses: [[Int]]
    private let needs: MatchSubject.Needs
    private let keysMethod: Bool
    private let keysURL: Bool
    private let classifiesBodies: Bool
    /// Whether the matchers are only `method`, `url` and `body`, which the
    /// buckets and classes decide on their own.
    private let groupsDecide: Bool
    private let bucketsByKey: [Key: Int]
    /// Body class numbers by bytes and by the digest of their JSON value.
    private let classesByBytes: [BytesKey: Int]
    private let classesByJSON: [DigestKey: Int]
    /// The body class of each bucket that has exactly one, which is not in
    /// ``classesByJSON``: its body is parsed only if a request needs it.
    private let soleClasses: [Int: Int]

    /// The number of groups: buckets, then body classes.
    var groupCount: Int { buckets.count + bodyClasses.count }

    /// Indexes `interactions` for `matchers`, each matched by its request as
    /// `redact` leaves it.
    package init(
        interactions: [Interaction], matchers: [Matcher],
        redactingRequests redact: (RecordedRequest) -> RecordedRequest = { $0 }
    ) {
        self.matchers = matchers
        needs = MatchSubject.Needs(matchers)
        let needs = needs
        let prepared = interactions.map { PreparedInteraction($0, redactedBy: redact, needs: needs) }
        self.interactions = prepared
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
        var bodyClasses: [[Int]] = []
        var classesByBytes: [BytesKey: Int] = [:]
        var classesByJSON: [DigestKey: Int] = [:]
        var soleClasses: [Int: Int] = [:]
        var bucketsByJSON: Set<Int> = []
        // By position, not by element: an element copied out retains each of its fields.
        for position in prepared.indices {
            let key = Self.key(prepared[position].subject, method: keysMethod, url: keysURL)
            let bucket: Int
            if let existing = bucketsByKey[key] {
                bucket = existing
                buckets[bucket].append(position)
            } else {
                bucket = buckets.count
                bucketsByKey[key] = bucket
                buckets.append([position])
            }
            guard classifiesBodies, let body = prepared[position].subject.body else { continue }
            let bytesKey = BytesKey(bucket: bucket, bytes: BodyBytes(body.normalized))
            if let bodyClass = classesByBytes[bytesKey] {
                bodyClasses[bodyClass].append(position)
                continue
            }
            if let sole = soleClasses.removeValue(forKey: bucket) {
                // The bucket's second class: its first is indexed by JSON value too.
                if let digest = prepared[bodyClasses[sole][0]].subject.body?.jsonDigest {
                    classesByJSON[DigestKey(bucket: bucket, digest: digest)] = sole
                }
                bucketsByJSON.insert(bucket)
            } else if !bucketsByJSON.contains(bucket) {
                soleClasses[bucket] = bodyClasses.count
                classesByBytes[bytesKey] = bodyClasses.count
                bodyClasses.append([position])
                continue
            }
            let bodyClass: Int
            if let digest = body.jsonDigest {
                var key = DigestKey(bucket: bucket, digest: digest)
                let found = Self.jsonClass(of: body, at: &key, in: classesByJSON) {
                    prepared[bodyClasses[$0][0]].subject.body
                }
                bodyClass = found ?? bodyClasses.count
                if found == nil { classesByJSON[key] = bodyClass }
            } else {
                bodyClass = bodyClasses.count
            }
            classesByBytes[bytesKey] = bodyClass
            if bodyClass == bodyClasses.count { bodyClasses.append([]) }
            bodyClasses[bodyClass].append(position)
        }
        self.buckets = buckets
        self.bucketsByKey = bucketsByKey
        self.bodyClasses = bodyClasses
        self.classesByBytes = classesByBytes
        self.classesByJSON = classesByJSON
        self.soleClasses = soleClasses
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
        guard
            let bodyClass = classesByBytes[BytesKey(bucket: bucket, bytes: BodyBytes(body.normalized))]
                ?? jsonClass(of: body, in: bucket)
        else { return nil }
        return Candidates(group: buckets.count + bodyClass, positions: bodyClasses[bodyClass], allMatch: groupsDecide)
    }

    /// The body class in `bucket` whose bodies equal `body` as JSON values.
    private func jsonClass(of body: PreparedBody, in bucket: Int) -> Int? {
        if let sole = soleClasses[bucket] {
            guard let json = body.json else { return nil }
            return interactions[bodyClasses[sole][0]].subject.body?.json == json ? sole : nil
        }
        guard let digest = body.jsonDigest else { return nil }
        var key = DigestKey(bucket: bucket, digest: digest)
        return Self.jsonClass(of: body, at: &key, in: classesByJSON) { interactions[bodyClasses[$0][0]].subject.body }
    }

    /// The class among `classes` whose bodies equal `body` as JSON values,
    /// looked for from `key` on, the digest of its value: the bodies of the
    /// classes that share it are parsed and compared. When none is equal,
    /// `key` is left at the first ordinal no class takes.
    private static func jsonClass(
        of body: PreparedBody, at key: inout DigestKey, in classes: [DigestKey: Int],
        firstBody: (Int) -> PreparedBody?
    ) -> Int? {
        while let candidate = classes[key] {
            if let json = body.json, firstBody(candidate)?.json == json { return candidate }
            key.ordinal += 1
        }
        return nil
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

/// The interactions of one bucket grouped by equivalent bodies: equal after
/// CRLF→LF normalisation, or equal as JSON values.
///
/// A body is looked up by a hash of every normalised byte, without parsing it;
/// only a body no recorded one equals byte for byte is parsed, and looked up
/// by its JSON value.
struct BodyClasses: Sendable {
    /// For each class, the positions of its interactions in file order.
    private var classes: [[Int]] = []
    private var classesByBytes: [BodyBytes: Int] = [:]
    private var classesByJSON: [JSONValue: Int] = [:]

    /// Groups the interactions at `positions`, in file order, by their bodies.
    init(positions: [Int], of interactions: [PreparedInteraction]) {
        for position in positions {
            guard let body = interactions[position].subject.body else { continue }
            let bytes = BodyBytes(body.normalized)
            if let existing = classesByBytes[bytes] {
                classes[existing].append(position)
                continue
            }
            let json = body.json
            if let json, let existing = classesByJSON[json] {
                classes[existing].append(position)
                classesByBytes[bytes] = existing
                continue
            }
            classesByBytes[bytes] = classes.count
            if let json { classesByJSON[json] = classes.count }
            classes.append([position])
        }
    }

    /// The positions, in file order, of the interactions whose bodies are
    /// equivalent to `body`; nil when there are none.
    func positions(of body: PreparedBody) -> [Int]? {
        var found = classesByBytes[BodyBytes(body.normalized)]
        if found == nil, let json = body.json { found = classesByJSON[json] }
        return found.map { classes[$0] }
    }
}

extension Matcher {
    /// Whether the recorded interaction passes this matcher for the request.
    ///
    /// - Parameter position: this matcher's place in the list the subjects were prepared with.
    func passes(_ request: PreparedRequest, _ recorded: PreparedInteraction, position: Int) -> Bool {
        let live = request.subject
        let stored = recorded.subject
        switch rule {
        case .method:
            return live.method == stored.method
        case .url:
            return live.url == stored.url
        case .path:
            return live.path == stored.path
        case .query:
            return live.queryItems == stored.queryItems
        case .headers(let names):
            return names.allSatisfy { live.headers.normalizedValues($0) == stored.headers.normalizedValues($0) }
        case .body:
            guard let body = live.body else { return true }
            return stored.body.map(body.isEquivalent(to:)) ?? false
        case .jsonBody:
            guard let body = live.body else { return true }
            guard let storedBody = stored.body else { return false }
            if let json = live.jsonWithoutIgnoredMembers[position],
                let storedJSON = stored.jsonWithoutIgnoredMembers[position]
            {
                return json == storedJSON
            }
            return body.normalized == storedBody.normalized
        case .custom(let predicate):
            return predicate(request.request, recorded.interaction)
        }
    }
}

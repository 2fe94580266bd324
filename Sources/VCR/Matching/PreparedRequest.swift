/// A live request with its ``MatchSubject``.
package struct PreparedRequest: Sendable {
    let request: InterceptedRequest
    let subject: MatchSubject

    init(_ request: InterceptedRequest, needs: MatchSubject.Needs) {
        self.request = request
        let body = request.body.flatMap { $0.isEmpty ? nil : $0 }
        subject = MatchSubject(
            method: request.method, url: request.url, headers: request.headers, body: body, needs: needs)
    }
}

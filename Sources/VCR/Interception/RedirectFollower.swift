import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Watches the response steps of one intercepted task for a redirect a
/// client follows (see ``RedirectRequest``) and decides what becomes of it.
///
/// On Apple platforms the redirect is reported to URLSession
/// (`wasRedirectedTo`), which asks the task's delegate and sends the new
/// request through the interceptor again.
///
/// FoundationNetworking crashes when a protocol reports a redirect
/// ("doesn't currently handle redirects directly"), so on Linux the follower
/// does URLSession's part: it holds the redirect response to its end, asks the
/// task's delegate on the session's delegate queue, and has the interceptor
/// load the new request (resolved through the VCR like any other) or deliver
/// the held response when the delegate refuses. Like Go's client, it stops
/// with an error at the tenth redirect of a chain.
final class RedirectFollower: Sendable {
    /// What the interceptor does next.
    enum Action: Sendable {
        /// Pass these steps to the client.
        case deliver([ResponseDelivery.Step])
        /// Load `request`, the redirect `response` pointed to.
        case follow(URLRequest, after: HTTPURLResponse)
        /// Fail the task.
        case fail(any Error)
    }

    /// Go's limit: the tenth redirect response of a chain fails the request.
    static let redirectLimit = 10

    /// The task whose delegate is asked, and its session, held weakly: the
    /// protocol holding this follower is held by the task. @unchecked: the
    /// task and session are only handed to the delegate on the session's
    /// delegate queue, as URLSession itself does.
    private struct Asked: @unchecked Sendable {
        weak var session: URLSession?
        weak var task: URLSessionTask?

        /// The task's delegate, else its session's, when it is a task delegate.
        var delegate: (any URLSessionTaskDelegate)? {
            task?.delegate ?? session?.delegate as? URLSessionTaskDelegate
        }
    }

    private struct State {
        /// The request being answered and its body.
        var request: URLRequest
        var body: Data?
        /// A redirect response held until its end, and its body so far.
        var held: (response: HTTPURLResponse, next: URLRequest, body: Data)?
        /// The redirect responses seen so far in the chain.
        var redirects = 0
        var isStopped = false
    }

    private let asked: Asked
    private let act: @Sendable (Action) -> Void
    private let state: Locked<State>

    /// A follower for `task` of `session`, first answering `request`; `act`
    /// performs what it decides, from a queue that is none of FoundationNetworking's.
    init(
        request: URLRequest, body: Data?, session: URLSession?, task: URLSessionTask?,
        act: @escaping @Sendable (Action) -> Void
    ) {
        asked = Asked(session: session, task: task)
        self.act = act
        state = Locked(State(request: request, body: body))
    }

    /// The interceptor now answers `request`, the one a followed redirect pointed to.
    func answering(_ request: URLRequest) {
        state.withLock { state in
            state.request = request
            state.body = request.httpBody
            state.held = nil
        }
    }

    /// The task was stopped: nothing more is decided.
    func stop() {
        state.withLock { $0.isStopped = true }
    }

    /// Whether `step` belongs to a redirect this follower handles, in which
    /// case the interceptor must not pass it on.
    func intercepts(_ step: ResponseDelivery.Step) -> Bool {
        #if canImport(FoundationNetworking)
        let (isHeld, finished) = state.withLock { state -> (Bool, (HTTPURLResponse, URLRequest, Data)?) in
            switch step {
            case .headers(let response):
                state.held = RedirectRequest.next(after: response, to: state.request, body: state.body).map {
                    (response, $0, Data())
                }
                return (state.held != nil, nil)
            case .chunk(let data):
                state.held?.body.append(data)
                return (state.held != nil, nil)
            case .finish:
                guard let held = state.held else { return (false, nil) }
                state.held = nil
                return (true, (held.response, held.next, held.body))
            }
        }
        if let (response, next, body) = finished {
            DispatchQueue.global().async { self.decide(response, next, body) }
        }
        return isHeld
        #else
        let reported: (HTTPURLResponse, URLRequest)? = state.withLock { state in
            guard state.held == nil else { return nil }
            guard case .headers(let response) = step,
                let next = RedirectRequest.next(after: response, to: state.request, body: state.body)
            else { return nil }
            state.held = (response, next, Data())
            return (response, next)
        }
        if let (response, next) = reported { act(.follow(next, after: response)) }
        return state.withLock { $0.held != nil }
        #endif
    }

    #if canImport(FoundationNetworking)
    /// Asks the delegate about a redirect whose response ended, then acts on its answer.
    private func decide(_ response: HTTPURLResponse, _ next: URLRequest, _ body: Data) {
        let answer: @Sendable (URLRequest?) -> Void = { request in
            DispatchQueue.global().async { self.conclude(response, body, request) }
        }
        let asked = asked
        guard let session = asked.session, asked.task != nil, asked.delegate != nil else {
            answer(next)
            return
        }
        session.delegateQueue.addOperation {
            guard let session = asked.session, let task = asked.task, let delegate = asked.delegate else {
                answer(next)
                return
            }
            delegate.urlSession(
                session, task: task, willPerformHTTPRedirection: response, newRequest: next, completionHandler: answer)
        }
    }

    /// Follows `request`, or delivers the held redirect when there is none.
    private func conclude(_ response: HTTPURLResponse, _ body: Data, _ request: URLRequest?) {
        let action: Action? = state.withLock { state in
            guard !state.isStopped else { return nil }
            guard let request else {
                return .deliver([.headers(response)] + (body.isEmpty ? [] : [.chunk(body)]) + [.finish])
            }
            state.redirects += 1
            guard state.redirects < Self.redirectLimit else { return .fail(URLError(.httpTooManyRedirects)) }
            return .follow(request, after: response)
        }
        if let action { act(action) }
    }
    #endif
}

/// A request being recorded whose response has not ended yet, as its VCR
/// tracks it until the response ends or ``VCR/stop()`` stops waiting for it.
struct InFlightRecording: Sendable {
    /// The request as the interceptor read it, before redaction.
    var request: InterceptedRequest
    /// The exchange reading the response, which tells what has arrived so far.
    var exchange: LiveExchange
}

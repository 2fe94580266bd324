/// One recorded request and the response it received.
public struct Interaction: Sendable, Hashable {
    /// The interaction's position in its cassette, starting at 0.
    public var id: Int
    /// The request as it was sent.
    public var request: RecordedRequest
    /// The response as it was received.
    public var response: RecordedResponse

    /// Creates an interaction.
    public init(id: Int, request: RecordedRequest, response: RecordedResponse) {
        self.id = id
        self.request = request
        self.response = response
    }
}

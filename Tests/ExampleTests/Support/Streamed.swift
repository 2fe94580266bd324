/// An event of a streamed response, with the number of the network chunk
/// that completed it (1 for the first chunk): how the tests see that events
/// arrive one by one rather than in a single piece.
struct Streamed<Event: Sendable>: Sendable {
    var event: Event
    var chunk: Int
}

extension Array {
    /// Whether the events arrived over several chunks, the first before the last chunk.
    func arrivedIncrementally<Event>() -> Bool where Element == Streamed<Event> {
        guard let first, let last else { return false }
        return first.chunk < last.chunk
    }
}

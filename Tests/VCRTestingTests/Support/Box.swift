import Foundation

/// A value shared between a test and the closures it hands out.
final class Box<Value: Sendable>: @unchecked Sendable {
    // @unchecked: every access to `stored` goes through `lock`.
    private let lock = NSLock()
    private var stored: Value?

    var value: Value? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }

    /// Changes the value in place, starting from `initial` when it is empty.
    func update(startingWith initial: Value, _ change: (inout Value) -> Void) {
        lock.withLock {
            var value = stored ?? initial
            change(&value)
            stored = value
        }
    }
}

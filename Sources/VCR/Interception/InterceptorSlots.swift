/// The interceptor classes by slot number, for the tests of sibling targets,
/// which see no ``ReplayProtocol``.
package enum InterceptorSlots {
    /// The interceptor class for slot `number` (not negative).
    package static func interceptorClass(forSlot number: Int) -> AnyClass {
        ReplayProtocol.slotClass(number)
    }

    /// The slot number `protocolClass` serves; nil for a class that is no VCR's interceptor.
    package static func slot(of protocolClass: AnyClass) -> Int? {
        (protocolClass as? ReplayProtocol.Type)?.slot
    }
}

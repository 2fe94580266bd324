/// A number carried by a type, so that each VCR gets a `URLProtocol` class of
/// its own: `SlotReplayProtocol<Bit1<Bit0<Bit1<NoBits>>>>` is the class of VCR 5.
///
/// The class a session configuration lists is the one thing every platform
/// hands back to the interceptor unchanged (request headers from the
/// configuration and `URLProtocol` properties are not), so it is what names the VCR.
protocol ReplaySlot {
    /// The number the type spells.
    static var number: Int { get }
}

/// The empty binary number, 0.
enum NoBits: ReplaySlot {
    static var number: Int { 0 }
}

/// `High` followed by a 0 bit.
enum Bit0<High: ReplaySlot>: ReplaySlot {
    static var number: Int { High.number * 2 }
}

/// `High` followed by a 1 bit.
enum Bit1<High: ReplaySlot>: ReplaySlot {
    static var number: Int { High.number * 2 + 1 }
}

/// The interceptor class of the VCR with slot number `Slot.number`.
final class SlotReplayProtocol<Slot: ReplaySlot>: ReplayProtocol {
    override class var slot: Int? { Slot.number }
}

extension ReplayProtocol {
    /// The interceptor class for slot `number` (not negative).
    static func slotClass(_ number: Int) -> ReplayProtocol.Type {
        var slot: any ReplaySlot.Type = NoBits.self
        if number > 0 {
            for shift in stride(from: Int.bitWidth - number.leadingZeroBitCount - 1, through: 0, by: -1) {
                slot = appending(bit: (number >> shift) & 1 == 1, to: slot)
            }
        }
        return protocolClass(for: slot)
    }

    private static func appending<High: ReplaySlot>(bit: Bool, to high: High.Type) -> any ReplaySlot.Type {
        bit ? Bit1<High>.self : Bit0<High>.self
    }

    private static func protocolClass<Slot: ReplaySlot>(for slot: Slot.Type) -> ReplayProtocol.Type {
        SlotReplayProtocol<Slot>.self
    }
}

import Foundation

/// Decodes the standard base64 alphabet (RFC 4648 §4, with `=` padding) of a
/// `!!binary` scalar, skipping the line breaks and spaces YAML leaves in it.
enum Base64 {
    /// Why a text is not base64.
    struct DecodingError: Error {
        /// The offset of the offending byte in the text, or the text's length when it ends too soon.
        var offset: Int
        /// What is wrong, such as "`%` is not a base64 character".
        var reason: String
    }

    /// The bytes `text` encodes, written straight into the returned data.
    static func decode(_ text: UnsafeBufferPointer<UInt8>) throws(DecodingError) -> Data {
        let capacity = text.count / 4 * 3 + 3
        guard let output = malloc(capacity)?.assumingMemoryBound(to: UInt8.self) else {
            throw DecodingError(offset: 0, reason: "there is no memory for \(capacity) bytes")
        }
        var count = 0
        do throws(DecodingError) {
            count = try decode(text, into: output)
        } catch {
            free(output)
            throw error
        }
        guard count > 0 else {
            free(output)
            return Data()
        }
        return Data(bytesNoCopy: output, count: count, deallocator: .free)
    }

    private static let space: UInt8 = 0xFE
    private static let invalid: UInt8 = 0xFF
    private static let padding: UInt8 = 0x40

    /// The 6-bit value of each byte, or ``space``, ``invalid`` or ``padding``.
    private static let values: [UInt8] = {
        var values = [UInt8](repeating: invalid, count: 256)
        for (value, character) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            values[Int(character)] = UInt8(value)
        }
        for character in " \t\n\r".utf8 { values[Int(character)] = space }
        values[Int(UInt8(ascii: "="))] = padding
        return values
    }()

    /// Decodes into `output`, which holds at least `text.count / 4 * 3 + 3` bytes; returns the count written.
    private static func decode(_ text: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>)
        throws(DecodingError) -> Int
    {
        try values.withUnsafeBufferPointer { values throws(DecodingError) in
            var written = 0
            var group: UInt32 = 0
            var filled = 0
            var padded = 0
            var finished = false
            var offset = 0
            while offset < text.count {
                // Fast path: four base64 digits in a row (every marker value is 0x40 or more).
                if filled == 0, !finished, offset + 4 <= text.count {
                    let first = values[Int(text[offset])]
                    let second = values[Int(text[offset + 1])]
                    let third = values[Int(text[offset + 2])]
                    let fourth = values[Int(text[offset + 3])]
                    if first | second | third | fourth < 0x40 {
                        let quad = UInt32(first) << 18 | UInt32(second) << 12 | UInt32(third) << 6 | UInt32(fourth)
                        output[written] = UInt8(truncatingIfNeeded: quad >> 16)
                        output[written + 1] = UInt8(truncatingIfNeeded: quad >> 8)
                        output[written + 2] = UInt8(truncatingIfNeeded: quad)
                        written += 3
                        offset += 4
                        continue
                    }
                }
                let byte = text[offset]
                let value = values[Int(byte)]
                defer { offset += 1 }
                if value == space { continue }
                if value == invalid {
                    let character =
                        (0x21..<0x7F).contains(byte)
                        ? "`\(UnicodeScalar(byte))`" : "byte 0x\(String(byte, radix: 16, uppercase: true))"
                    throw DecodingError(offset: offset, reason: "\(character) is not a base64 character")
                }
                guard !finished else {
                    throw DecodingError(offset: offset, reason: "text follows the `=` padding")
                }
                if value == padding {
                    guard filled >= 2 else {
                        throw DecodingError(
                            offset: offset, reason: "`=` comes before the last two characters of a 4-character group")
                    }
                    padded += 1
                    group <<= 6
                } else {
                    guard padded == 0 else {
                        throw DecodingError(offset: offset, reason: "text follows the `=` padding")
                    }
                    group = group << 6 | UInt32(value)
                }
                filled += 1
                if filled == 4 {
                    output[written] = UInt8(truncatingIfNeeded: group >> 16)
                    output[written + 1] = UInt8(truncatingIfNeeded: group >> 8)
                    output[written + 2] = UInt8(truncatingIfNeeded: group)
                    written += 3 - padded
                    finished = padded > 0
                    group = 0
                    filled = 0
                }
            }
            guard filled == 0 else {
                throw DecodingError(
                    offset: text.count, reason: "the text ends inside a 4-character group (missing `=` padding?)")
            }
            return written
        }
    }
}

import Foundation

/// yaml.v3's `encodeBase64`: standard base64, and when it is 70 characters or
/// longer, 70-character lines each ending in a line break.
enum Base64Lines {
    static let lineLength = 70

    static func encode(_ bytes: some Collection<UInt8>) -> [UInt8] {
        let encoded = Array(Data(bytes).base64EncodedData())
        guard encoded.count >= lineLength else { return encoded }
        var lines: [UInt8] = []
        lines.reserveCapacity(encoded.count + encoded.count / lineLength + 1)
        var start = 0
        while start < encoded.count {
            let end = min(encoded.count, start + lineLength)
            lines.append(contentsOf: encoded[start..<end])
            lines.append(UInt8(ascii: "\n"))
            start = end
        }
        return lines
    }
}

import CZlib
import Foundation

/// Decompresses a body stored compressed (gzip, zlib or raw deflate), so that
/// the secret scan reads what it holds.
enum BodyDecompression {
    /// The most bytes a body decompresses to; the scan reads no further.
    static let limit = 256 << 20

    /// The decompressed bytes when `body` is gzip (by its magic bytes) or
    /// `encodings` (the `Content-Encoding` values) name gzip or deflate; nil
    /// when it is not compressed, or nothing of it decompresses.
    static func decompressed(_ body: Data, encodings: [String]) -> [UInt8]? {
        let lowered = encodings.map { $0.lowercased().trimmingCharacters(in: .whitespaces) }
        let isGzip = body.count >= 2 && body[body.startIndex] == 0x1F && body[body.startIndex + 1] == 0x8B
        guard isGzip || lowered.contains(where: { ["gzip", "x-gzip", "deflate"].contains($0) }) else { return nil }
        // 15 + 32: a zlib or gzip header, detected; -15: raw deflate, as some servers send `deflate`.
        for windowBits: Int32 in [15 + 32, -15] {
            if let bytes = inflated(body, windowBits: windowBits), !bytes.isEmpty { return bytes }
        }
        return nil
    }

    /// What zlib's `inflate` makes of `body`, concatenated gzip members
    /// included, up to ``limit``; nil when it cannot start.
    private static func inflated(_ body: Data, windowBits: Int32) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit2_(&stream, windowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return nil
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        body.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
            guard let base = input.bindMemory(to: Bytef.self).baseAddress else { return }
            stream.next_in = UnsafeMutablePointer(mutating: base)
            stream.avail_in = uInt(input.count)
            while output.count < limit {
                let status = chunk.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(buffer.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                output += chunk[0..<(chunk.count - Int(stream.avail_out))]
                if status == Z_STREAM_END, stream.avail_in > 0, inflateReset(&stream) == Z_OK { continue }
                guard status == Z_OK else { break }
            }
        }
        return output
    }
}

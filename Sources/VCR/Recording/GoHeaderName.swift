/// Header names as Go's client records them.
enum GoHeaderName {
    /// `textproto.CanonicalMIMEHeaderKey`: the first letter and every letter
    /// after a hyphen upper-case, the others lower-case (`x-request-id` becomes
    /// `X-Request-Id`). A name with a byte that is not a token character (a
    /// space, say) is returned unchanged, as Go does.
    static func canonical(_ name: String) -> String {
        let utf8 = Array(name.utf8)
        guard utf8.allSatisfy(isTokenByte) else { return name }
        var upper = true
        let bytes = utf8.map { byte -> UInt8 in
            defer { upper = byte == UInt8(ascii: "-") }
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z") where upper: return byte - 0x20
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where !upper: return byte + 0x20
            default: return byte
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The header fields under their canonical names; values of names that
    /// differ only in case are joined in the order of the sorted original names.
    static func canonical(_ headers: [String: [String]]) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for name in headers.keys.sorted() {
            result[canonical(name), default: []] += headers[name] ?? []
        }
        return result
    }

    /// RFC 7230's `tchar`, the bytes Go accepts in a name it canonicalises.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}

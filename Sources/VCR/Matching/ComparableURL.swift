/// A URL spelled so that two spellings of the same request compare equal.
///
/// Go records URLs as its client sent them, with raw characters in the path
/// and query (`?a[]=1`, `/日本`, `{|}`); Foundation percent-encodes the same
/// characters in a live request. Following RFC 3986 §6.2.2, the scheme and
/// host are lowercased, a default port and the fragment are dropped, an
/// empty path is `/`, and
/// every character is written in one way: unreserved characters raw, the rest
/// percent-encoded as UTF-8 with upper-case hex, so that a raw character and
/// its encoded form are the same. Only the delimiters that give a component
/// its structure keep their two spellings apart (`/` and `%2F` in the path;
/// `&`, `=`, `;` and `+` against `%26`, `%3D`, `%3B` and `%2B` in the query),
/// because there the encoding changes the meaning. In the query, `+` is a
/// space, as Go's and every form decoder read it, so `a+b` equals `a%20b`.
enum ComparableURL {
    /// The comparable spelling of a whole URL.
    static func spelling(of url: String) -> String {
        isAlreadyComparable(url) ? url : spelledComponentByComponent(url)
    }

    /// The comparable spelling built from the URL's components, each re-spelled.
    static func spelledComponentByComponent(_ url: String) -> String {
        let parts = Parts(url)
        let path = canonical(parts.path, delimiters: pathDelimiters, plusIsSpace: false)
        var result = parts.origin + (path.isEmpty && !parts.origin.isEmpty ? "/" : path)
        if let query = parts.query {
            result += "?" + canonical(query, delimiters: queryDelimiters, plusIsSpace: true)
        }
        return result
    }

    /// Whether `url` is spelled as ``spelling(of:)`` spells it, checked in
    /// one pass without building anything: the common case of an API's URL,
    /// `http` or `https` with a lower-case host, no default port, userinfo or
    /// fragment, a path of unreserved characters and `/`, and a query of
    /// unreserved characters, `&`, `=` and `;`, either of them with escapes
    /// in upper-case hex of bytes that are not unreserved (`%2C`, `%C3%A9`),
    /// as Foundation writes them.
    private static func isAlreadyComparable(_ url: String) -> Bool {
        var url = url
        return url.withUTF8 { bytes in
            let schemeLength: Int
            let defaultPort: StaticString
            if starts(bytes, with: "https://") {
                (schemeLength, defaultPort) = (8, ":443")
            } else if starts(bytes, with: "http://") {
                (schemeLength, defaultPort) = (7, ":80")
            } else {
                return false
            }
            guard let pathStart = bytes[schemeLength...].firstIndex(of: UInt8(ascii: "/")) else { return false }
            let authority = bytes[schemeLength..<pathStart]
            let port = UnsafeRawBufferPointer(start: defaultPort.utf8Start, count: defaultPort.utf8CodeUnitCount)
            guard !authority.isEmpty, authority.allSatisfy(isLowercaseHostByte),
                !(authority.count >= port.count && authority.suffix(port.count).elementsEqual(port))
            else { return false }
            var inQuery = false
            var index = pathStart
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if isUnreserved(byte) { continue }
                switch byte {
                case UInt8(ascii: "/"):
                    if inQuery { return false }
                case UInt8(ascii: "?"):
                    if inQuery { return false }
                    inQuery = true
                case UInt8(ascii: "&"), UInt8(ascii: "="), UInt8(ascii: ";"):
                    if !inQuery { return false }
                case UInt8(ascii: "%"):
                    // An escape as ``canonical(_:delimiters:plusIsSpace:)`` writes it:
                    // upper-case hex of a byte that is not unreserved.
                    guard let value = hexPair(bytes, at: index), isUpperHex(bytes[index]),
                        isUpperHex(bytes[index + 1]), !isUnreserved(value)
                    else { return false }
                    index += 2
                default:
                    return false
                }
            }
            return true
        }
    }

    /// A hex digit as the comparable spelling writes them: `0`–`9` or `A`–`F`.
    private static func isUpperHex(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }

    /// Whether `bytes` start with `prefix`, compared buffer to buffer: a
    /// `String.UTF8View` is read a byte at a time at 27 instructions a byte.
    private static func starts(_ bytes: UnsafeBufferPointer<UInt8>, with prefix: StaticString) -> Bool {
        prefix.withUTF8Buffer { bytes.starts(with: $0) }
    }

    /// A byte of a host and port that ``Parts`` leaves as it is: an
    /// unreserved one but an upper-case letter, or the port's `:`.
    private static func isLowercaseHostByte(_ byte: UInt8) -> Bool {
        isUnreserved(byte) && !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || byte == UInt8(ascii: ":")
    }

    /// The comparable spelling of a URL's path alone.
    static func path(of url: String) -> String {
        canonical(Parts(url).path, delimiters: pathDelimiters, plusIsSpace: false)
    }

    private static let pathDelimiters: [UInt8] = [UInt8(ascii: "/")]
    private static let queryDelimiters: [UInt8] = Array("&=;+".utf8)

    /// A URL cut at its component boundaries.
    private struct Parts {
        /// The scheme and authority, lowercased, without a default port: `https://api.example.com`.
        var origin = ""
        var path: Substring
        var query: Substring?

        init(_ url: String) {
            var url = url
            let bounds = url.withUTF8(Bounds.init)
            let utf8 = url.utf8
            let index = { (offset: Int) in utf8.index(utf8.startIndex, offsetBy: offset) }
            if let question = bounds.question { query = url[index(question + 1)..<index(bounds.end)] }
            var rest = url[..<index(bounds.question ?? bounds.end)]
            if let separator = bounds.separator, let authorityEnd = bounds.authorityEnd {
                let scheme = url[..<index(separator)].lowercased()
                let authority = Self.authority(String(url[index(separator + 3)..<index(authorityEnd)]), scheme: scheme)
                origin = scheme + "://" + authority
                rest = url[index(authorityEnd)..<rest.endIndex]
            }
            path = rest
        }

        /// Where a URL's parts end, as offsets in its UTF-8 bytes, found in
        /// its buffer: stepping through a `String.UTF8View` takes 27
        /// instructions a byte, the buffer 4.
        private struct Bounds {
            /// The end of the URL without its fragment.
            let end: Int
            /// The query's `?`.
            let question: Int?
            /// The first `://`, before the query.
            let separator: Int?
            /// The end of the authority: the path's first `/`, else the query's `?` or the end.
            let authorityEnd: Int?

            init(_ bytes: UnsafeBufferPointer<UInt8>) {
                end = bytes.firstIndex(of: UInt8(ascii: "#")) ?? bytes.count
                question = bytes[..<end].firstIndex(of: UInt8(ascii: "?"))
                let beforeQuery = question ?? end
                var separator: Int?
                var colon = 0
                while colon + 3 <= beforeQuery {
                    if bytes[colon] == UInt8(ascii: ":"), bytes[colon + 1] == UInt8(ascii: "/"),
                        bytes[colon + 2] == UInt8(ascii: "/")
                    {
                        separator = colon
                        break
                    }
                    colon += 1
                }
                self.separator = separator
                authorityEnd = separator.map { separator in
                    bytes[(separator + 3)..<beforeQuery].firstIndex(of: UInt8(ascii: "/")) ?? beforeQuery
                }
            }
        }

        /// The authority with its host lowercased and a port the scheme implies dropped.
        private static func authority(_ authority: String, scheme: String) -> String {
            let at = authority.utf8.lastIndex(of: UInt8(ascii: "@"))
            let userInfo = at.map { String(authority[...$0]) } ?? ""
            var hostAndPort = (at.map { String(authority[authority.index(after: $0)...]) } ?? authority).lowercased()
            let defaultPort = scheme == "https" ? ":443" : scheme == "http" ? ":80" : nil
            if let defaultPort, hostAndPort.hasSuffix(defaultPort) { hostAndPort.removeLast(defaultPort.count) }
            return userInfo + hostAndPort
        }
    }

    /// Percent-encodings made uniform: every byte, raw or escaped, is written
    /// raw when it is unreserved and as `%XX` otherwise, except a raw
    /// delimiter, which stays raw, apart from its escape.
    ///
    /// The bytes are read from the text's UTF-8 buffer: stepping through a
    /// `Substring.UTF8View` takes 27 instructions a byte, the buffer 4.
    private static func canonical(_ text: Substring, delimiters: [UInt8], plusIsSpace: Bool) -> String {
        var text = text
        return text.withUTF8 { text in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.count)
            var index = 0
            while index < text.count {
                let byte = text[index]
                index += 1
                if byte == UInt8(ascii: "%"), let decoded = hexPair(text, at: index) {
                    index += 2
                    append(decoded, to: &bytes)
                } else if plusIsSpace, byte == UInt8(ascii: "+") {
                    append(UInt8(ascii: " "), to: &bytes)
                } else if delimiters.contains(byte) {
                    bytes.append(byte)
                } else {
                    append(byte, to: &bytes)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Appends a byte raw when it is unreserved, else as `%XX`.
    private static func append(_ byte: UInt8, to bytes: inout [UInt8]) {
        if isUnreserved(byte) {
            bytes.append(byte)
            return
        }
        bytes.append(UInt8(ascii: "%"))
        bytes.append(hexDigits[Int(byte >> 4)])
        bytes.append(hexDigits[Int(byte & 0x0F)])
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// RFC 3986's unreserved characters: letters, digits, `-`, `.`, `_` and `~`.
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    /// The byte two hex digits at `index` spell, or nil.
    private static func hexPair(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt8? {
        guard index + 1 < text.count, let high = text[index].hexDigitValue, let low = text[index + 1].hexDigitValue
        else { return nil }
        return high << 4 | low
    }
}

/// `application/x-www-form-urlencoded` as RFC 6749 Appendix B uses it (HTML form encoding): bytes of the UTF-8 form
/// other than ALPHA / DIGIT / `*` `-` `.` `_` become `%XX` (upper-case hex), a space becomes `+`.
///
/// Also what RFC 6749 §2.3.1 applies to the client id and secret before they enter HTTP Basic. The one form codec
/// of the kit: the client encodes with it, the mock decodes with it, the redactor reads bodies with it.
public enum FormURLEncoding {
    public static func encode(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let hex = Array("0123456789ABCDEF")
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "*"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"):
                out.append(Character(Unicode.Scalar(byte)))
            case UInt8(ascii: " "):
                out.append("+")
            default:
                out.append("%")
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            }
        }
        return out
    }

    /// Decodes `+` and `%XX` (either case of hex digit); `nil` for a malformed escape or invalid UTF-8.
    public static func decode(_ text: String) -> String? {
        percentDecoded(Substring(text), plusIsSpace: true)
    }

    /// Decodes `%XX` escapes (either case of hex digit) — RFC 3986 §2.1 percent-encoding, as in a URL's user info —
    /// and, with `plusIsSpace` (HTML form encoding), `+` as a space; `nil` for a malformed escape or invalid UTF-8.
    /// The kit's one percent-decoder.
    public static func percentDecoded(_ text: Substring, plusIsSpace: Bool) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            if plusIsSpace && byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%") {
                guard let h = iterator.next().flatMap(hexValue), let l = iterator.next().flatMap(hexValue) else { return nil }
                bytes.append(h << 4 | l)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// A form body from ordered pairs.
    public static func body(_ pairs: [(String, String)]) -> String {
        pairs.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&")
    }

    /// Parses a form body into ordered pairs (empty parts skipped, a name without `=` has an empty value); `nil` if
    /// any part is malformed. Repeated names are kept: whether they are an error is the caller's rule (RFC 6749 §3.2).
    public static func parse(_ text: String) -> [(String, String)]? {
        if text.isEmpty { return [] }
        var pairs: [(String, String)] = []
        for part in text.split(separator: "&", omittingEmptySubsequences: true) {
            let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(String(kv[0])), let value = decode(kv.count == 2 ? String(kv[1]) : "") else { return nil }
            pairs.append((name, value))
        }
        return pairs
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

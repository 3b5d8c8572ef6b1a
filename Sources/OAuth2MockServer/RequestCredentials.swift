import JOSECore

/// Reading client credentials and request parameters the ways the four styles send them.
enum RequestCredentials {
    /// `Authorization: Basic …` decoded per RFC 6749 §2.3.1 (form-urldecode id and secret after base64).
    static func rfc6749Basic(_ header: String?) -> (id: String, secret: String)? {
        guard let (id, secret) = plainBasic(header) else { return nil }
        guard let i = FormDecoding.decode(id), let s = FormDecoding.decode(secret) else { return nil }
        return (i, s)
    }

    /// `Basic base64(id:secret)` without form-decoding (seed 001's `X-SPACE-AUTH-KEY`, RFC 7617).
    static func plainBasic(_ header: String?) -> (id: String, secret: String)? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic", let bytes = StandardBase64.decode(String(parts[1]).trimmed(" ")),
            let text = String(validating: bytes, as: UTF8.self), let colon = text.firstIndex(of: ":")
        else { return nil }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }

    /// Form body pairs as a dictionary (a repeated parameter is an error: RFC 6749 §3.2).
    static func form(_ body: [UInt8]) -> [String: String]? {
        guard let text = String(validating: body, as: UTF8.self) else { return nil }
        var result: [String: String] = [:]
        for part in text.split(separator: "&") {
            let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let k = FormDecoding.decode(String(kv[0])), let v = FormDecoding.decode(kv.count == 2 ? String(kv[1]) : "") else { return nil }
            if result[k] != nil { return nil }
            result[k] = v
        }
        return result
    }

    /// A JSON object body.
    static func json(_ body: [UInt8]) -> JSONObject? {
        (try? JSONParser(limits: .init(maxBytes: 64 * 1024)).parse(body, context: "request body"))?.objectValue
    }

    /// Constant-time comparison of a presented secret with the configured one.
    static func secretMatches(_ presented: String, _ expected: String) -> Bool {
        let a = Array(presented.utf8), b = Array(expected.utf8)
        var diff = UInt8(a.count == b.count ? 0 : 1)
        for i in 0..<max(a.count, b.count) {
            diff |= (i < a.count ? a[i] : 0) ^ (i < b.count ? b[i] : 0)
        }
        return diff == 0
    }
}

/// `application/x-www-form-urlencoded` decoding (RFC 6749 Appendix B).
enum FormDecoding {
    static func decode(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var it = Array(text.utf8).makeIterator()
        while let c = it.next() {
            if c == UInt8(ascii: "+") { bytes.append(0x20) } else if c == UInt8(ascii: "%") {
                guard let h = it.next().flatMap(hex), let l = it.next().flatMap(hex) else { return nil }
                bytes.append(h << 4 | l)
            } else { bytes.append(c) }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: c - 48
        case 65...70: c - 55
        case 97...102: c - 87
        default: nil
        }
    }
}

/// Standard padded base64 decoding (RFC 4648 §4), for HTTP Basic. `nil` for anything malformed.
enum StandardBase64 {
    static func decode(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        var padding = 0
        var count = 0
        for c in text.utf8 {
            count += 1
            let v: UInt32
            switch c {
            case 65...90: v = UInt32(c - 65)
            case 97...122: v = UInt32(c - 71)
            case 48...57: v = UInt32(c + 4)
            case 43: v = 62
            case 47: v = 63
            case 61: padding += 1; continue
            default: return nil
            }
            if padding > 0 { return nil }
            accumulator = accumulator << 6 | v
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        guard count % 4 == 0, padding <= 2 else { return nil }
        return out
    }
}

import JOSECore

/// Reading client credentials and request parameters the ways the four styles send them.
enum RequestCredentials {
    /// `Authorization: Basic …` decoded per RFC 6749 §2.3.1 (form-urldecode id and secret after base64).
    static func rfc6749Basic(_ header: String?) -> (id: String, secret: String)? {
        guard let (id, secret) = plainBasic(header) else { return nil }
        guard let i = FormURLEncoding.decode(id), let s = FormURLEncoding.decode(secret) else { return nil }
        return (i, s)
    }

    /// `Basic base64(id:secret)` without form-decoding (seed 001's `X-SPACE-AUTH-KEY`, RFC 7617).
    static func plainBasic(_ header: String?) -> (id: String, secret: String)? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic", let bytes = Base64.decode(String(parts[1]).trimmed(" ")),
            let text = String(validating: bytes, as: UTF8.self), let colon = text.firstIndex(of: ":")
        else { return nil }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }

    /// Form body pairs as a dictionary (a repeated parameter is an error: RFC 6749 §3.2).
    static func form(_ body: [UInt8]) -> [String: String]? {
        guard let text = String(validating: body, as: UTF8.self), let pairs = FormURLEncoding.parse(text) else { return nil }
        var result: [String: String] = [:]
        for (name, value) in pairs {
            if result[name] != nil { return nil }
            result[name] = value
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

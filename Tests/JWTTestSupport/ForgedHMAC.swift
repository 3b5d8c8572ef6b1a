import JOSECore

/// HMAC-SHA256 (RFC 2104) computed by hand, so tests can forge the "HS256 keyed with public-key bytes" token
/// that `JWSKey.hmac` rightly refuses to build.
public enum ForgedHMAC {
    public static func sha256(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var k = key.count > 64 ? Digest.sha256(key) : key
        k += [UInt8](repeating: 0, count: 64 - k.count)
        let inner = Digest.sha256(k.map { $0 ^ 0x36 } + message)
        return Digest.sha256(k.map { $0 ^ 0x5C } + inner)
    }

    /// A compact HS256 token over `payload` keyed with `key`.
    public static func token(key: [UInt8], payload: String, header: String = #"{"alg":"HS256","typ":"JWT"}"#) -> String {
        let input = Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(payload.utf8))
        return input + "." + Base64URL.encode(sha256(key: key, message: Array(input.utf8)))
    }
}

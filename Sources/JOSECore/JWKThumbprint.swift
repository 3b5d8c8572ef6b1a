/// JSON Web Key thumbprints (RFC 7638).
public enum JWKThumbprint {
    /// The required members per key type, in lexicographic order (RFC 7638 §3.2).
    static let requiredMembers: [String: [String]] = [
        "EC": ["crv", "kty", "x", "y"],
        "RSA": ["e", "kty", "n"],
        "oct": ["k", "kty"],
        "OKP": ["crv", "kty", "x"],
    ]

    /// The canonical JSON of RFC 7638 §3: required members only, sorted, no whitespace.
    public static func canonicalJSON(of jwk: JSONObject) throws(JOSEError) -> String {
        guard let kty = jwk["kty"]?.stringValue else {
            throw JOSEError(.invalidKey, "JWK: \"kty\" is missing or not a string (RFC 7517 §4.1)")
        }
        guard let names = requiredMembers[kty] else {
            throw JOSEError(.invalidKey, "JWK: no thumbprint is defined for kty \"\(kty)\"")
        }
        var members: [JSONObject.Member] = []
        for name in names {
            guard let value = jwk[name], value.stringValue != nil else {
                throw JOSEError(.invalidKey, "JWK: \"\(name)\" is required for a \(kty) key thumbprint (RFC 7638 §3.2)")
            }
            members.append(JSONObject.Member(name: name, value: value))
        }
        return JSONValue.object(JSONObject(members)).compact
    }

    /// `BASE64URL(SHA-256(canonical JSON))` (RFC 7638 §3.1), computed by libcrypto.
    public static func sha256(of jwk: JSONObject) throws(JOSEError) -> String {
        Base64URL.encode(Digest.sha256(Array(try canonicalJSON(of: jwk).utf8)))
    }
}

import JOSECore

/// Signs the mock's access tokens (RFC 9068 §2.1 header: `typ: at+jwt`, `alg`, `kid`) with JOSECore, and knows the
/// JWK Set it publishes. A second key, never published, signs the `unknown-key` fault's tokens.
public final class MockTokenSigner: Sendable {
    public enum Variant: Sendable {
        case normal
        /// Signed by a key that `/jwks.json` does not list.
        case unknownKey
        /// `alg: none`, empty signature (RFC 7519 §6).
        case unsecured
        /// Seed 001's header shape, signed by the published key: `{alg, kid, typ: "JWT"}`, and with `jku` (the URL of
        /// the mock's own JWK Set) between `alg` and `kid` as the seed's batch tokens carry it. Never followed by
        /// the kit (RFC 8725 §3.10).
        case seed001(jku: String?)
    }

    public let algorithm: JWSAlgorithm
    public let key: JWSKey
    let unknownKey: JWSKey
    /// `BASE64URL(header) + "."`, computed once (RFC 7515 §5.1 steps 1–2 do not change between tokens).
    let headerPrefix: String
    let unknownHeader: JSONObject
    let keyID: String
    /// `{"keys":[public JWK]}`.
    public let jwks: JSONObject

    public init(algorithm: JWSAlgorithm, key: JWSKey, keyID: String) throws(MockServerError) {
        guard key.isPrivate else { throw MockServerError(.signingKey, "the signing key is not a private key") }
        guard key.compatibleAlgorithms.contains(algorithm) else {
            throw MockServerError(.signingKey, "the signing key cannot sign \(algorithm.rawValue)")
        }
        self.algorithm = algorithm
        self.key = key
        self.keyID = keyID
        do {
            self.unknownKey = try JWSKey.generate(for: algorithm, kid: "unknown-" + keyID)
        } catch {
            throw MockServerError(.signingKey, "cannot generate a second key: \(error.message)")
        }
        let kid = key.kid ?? keyID
        let header: JSONValue = ["alg": .string(algorithm.rawValue), "typ": "at+jwt", "kid": .string(kid)]
        self.headerPrefix = Base64URL.encode(Array(header.compact.utf8)) + "."
        self.unknownHeader = ["alg": .string(algorithm.rawValue), "typ": "at+jwt", "kid": .string("unknown-" + keyID)]
        var jwk = key.publicJWK
        if jwk["kid"] == nil { jwk["kid"] = .string(kid) }
        if jwk["alg"] == nil { jwk["alg"] = .string(algorithm.rawValue) }
        if jwk["use"] == nil { jwk["use"] = "sig" }
        self.jwks = ["keys": .array([.object(jwk)])]
    }

    /// A fresh key for `algorithm` (ES256 by default in the demo).
    public static func generated(algorithm name: String, keyID: String) throws(MockServerError) -> MockTokenSigner {
        guard let algorithm = JWSAlgorithm(rawValue: name), algorithm != .none else {
            throw MockServerError(.signingKey, "unsupported signing algorithm \(name)")
        }
        let key: JWSKey
        do { key = try JWSKey.generate(for: algorithm, kid: keyID) } catch {
            throw MockServerError(.signingKey, "cannot generate a \(name) key: \(error.message)")
        }
        return try MockTokenSigner(algorithm: algorithm, key: key, keyID: keyID)
    }

    /// Loads the first private key of a PEM/JWK file's bytes.
    public static func loaded(bytes: [UInt8], algorithm name: String, keyID: String) throws(MockServerError) -> MockTokenSigner {
        guard let algorithm = JWSAlgorithm(rawValue: name), algorithm != .none else {
            throw MockServerError(.signingKey, "unsupported signing algorithm \(name)")
        }
        let keys: [JWSKey]
        do { keys = try KeyLoader.load(bytes) } catch {
            throw MockServerError(.signingKey, "signing key file: \(error.message)")
        }
        guard let key = keys.first(where: \.isPrivate) else { throw MockServerError(.signingKey, "signing key file has no private key") }
        return try MockTokenSigner(algorithm: algorithm, key: key, keyID: keyID)
    }

    /// The compact JWS for `claims`.
    public func sign(_ claims: JSONObject, variant: Variant = .normal) throws(MockServerError) -> String {
        let payload = Array(JSONValue.object(claims).compact.utf8)
        do {
            switch variant {
            case .normal:
                let signingInput = headerPrefix + Base64URL.encode(payload)
                let signature = try JWSSigner.sign(algorithm: algorithm, signingInput: Array(signingInput.utf8), key: key)
                return signingInput + "." + Base64URL.encode(signature)
            case .unknownKey:
                return try JWSSigner.sign(header: unknownHeader, payload: payload, key: unknownKey)
            case .seed001(let jku):
                var header: JSONObject = ["alg": .string(algorithm.rawValue)]
                if let jku { header["jku"] = .string(jku) }
                header["kid"] = .string(key.kid ?? keyID)
                header["typ"] = "JWT"
                return try JWSSigner.sign(header: header, payload: payload, key: key)
            case .unsecured:
                let header: JSONValue = ["alg": "none", "typ": "at+jwt"]
                return Base64URL.encode(Array(header.compact.utf8)) + "." + Base64URL.encode(payload) + "."
            }
        } catch {
            throw MockServerError(.signingKey, "signing failed: \(error.message)")
        }
    }
}

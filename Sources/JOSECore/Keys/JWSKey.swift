/// One parsed key: public, private (can sign) or symmetric (RFC 7517 §4, RFC 7518 §6). Parsed once and reused for
/// many tokens; safe to share between threads (libcrypto contexts are pooled per key, see `ContextPool`).
public final class JWSKey: @unchecked Sendable {
    public enum KeyType: Sendable, Equatable {
        case rsa(bits: Int)
        /// "P-256", "P-384", "P-521", "secp256k1"
        case ec(curve: String)
        /// "Ed25519", "Ed448"
        case okp(curve: String)
        case oct(bytes: Int)
    }

    enum Material: Sendable {
        case asymmetric(AsymmetricKey)
        case symmetric(HMACSecret)
    }

    public let type: KeyType
    public let kid: String?
    /// The JWK "alg" member (RFC 7517 §4.4), if any.
    public let alg: String?
    /// The JWK "use" member (RFC 7517 §4.2), if any.
    public let use: String?
    /// The JWK "key_ops" member (RFC 7517 §4.3), if any.
    public let keyOps: [String]?
    let material: Material
    private let storedPublicJWK: JSONObject
    private let storedThumbprint: String

    /// Can sign: a private key or a symmetric secret.
    public var isPrivate: Bool {
        switch material {
        case .asymmetric(let key): key.hasPrivate
        case .symmetric: true
        }
    }

    /// The RFC 7638 JWK thumbprint (SHA-256, base64url) of the key's required public members.
    public var thumbprint: String { storedThumbprint }

    /// The public JWK (no private members), with kid/alg/use/key_ops if set. For an `oct` key (which has no public
    /// part) this holds `kty` and the metadata only: the secret `k` is never in it.
    public var publicJWK: JSONObject { storedPublicJWK }

    init(material: Material, kid: String?, alg: String?, use: String?, keyOps: [String]?) throws(JOSEError) {
        self.material = material
        self.kid = kid
        self.alg = alg
        self.use = use
        self.keyOps = keyOps
        var members: [JSONObject.Member]
        let thumbprintJWK: JSONObject
        switch material {
        case .asymmetric(let key):
            type = key.keyType
            members = try key.publicMembers()
            thumbprintJWK = JSONObject(members)
        case .symmetric(let secret):
            type = .oct(bytes: secret.bytes.count)
            members = [JSONObject.Member(name: "kty", value: "oct")]
            thumbprintJWK = JSONObject(members + [JSONObject.Member(name: "k", value: .string(Base64URL.encode(secret.bytes)))])
        }
        storedThumbprint = try JWKThumbprint.sha256(of: thumbprintJWK)
        if let kid { members.append(JSONObject.Member(name: "kid", value: .string(kid))) }
        if let alg { members.append(JSONObject.Member(name: "alg", value: .string(alg))) }
        if let use { members.append(JSONObject.Member(name: "use", value: .string(use))) }
        if let keyOps { members.append(JSONObject.Member(name: "key_ops", value: .array(keyOps.map { .string($0) }))) }
        storedPublicJWK = JSONObject(members)
    }

    /// The algorithms this key can be used with: RSA → RS*/PS*; P-256 → [ES256] (P-384 → ES384, P-521 → ES512,
    /// secp256k1 → ES256K); Ed25519 → [EdDSA, Ed25519]; Ed448 → [EdDSA, Ed448]; oct → the HS* whose hash length is
    /// at most the key length (RFC 7518 §3.2). Narrowed to the JWK `alg` when set; empty when `use`/`key_ops`
    /// exclude signatures.
    public var compatibleAlgorithms: [JWSAlgorithm] {
        let byType: [JWSAlgorithm]
        switch material {
        case .symmetric(let secret):
            byType = [.HS256, .HS384, .HS512].filter { $0.hashLength <= secret.bytes.count }
        case .asymmetric(let key):
            switch key.kind {
            case .rsa: byType = [.RS256, .RS384, .RS512, .PS256, .PS384, .PS512]
            case .ec(let curve): byType = [curve.algorithm]
            case .okp(let curve): byType = [.EdDSA, curve.algorithm]
            }
        }
        return byType.filter { metadataAllows($0, operation: "verify") == nil }
    }

    /// Why the JWK metadata (`alg`, `use`, `key_ops`) forbids `algorithm` for `operation`, or nil when it allows it.
    func metadataAllows(_ algorithm: JWSAlgorithm, operation: String) -> String? {
        if let use, use != "sig" {
            return "the key's \"use\" is \"\(use)\", not \"sig\" (RFC 7517 §4.2)"
        }
        if let keyOps, !keyOps.contains(operation) {
            return "the key's \"key_ops\" does not include \"\(operation)\" (RFC 7517 §4.3)"
        }
        if let alg, !JWSKey.sameAlgorithm(keyAlg: alg, algorithm, type: type) {
            return "the key is for \"\(alg)\", not \"\(algorithm.rawValue)\" (RFC 7517 §4.4)"
        }
        return nil
    }

    /// JWK `alg` equality; the polymorphic `EdDSA` and the RFC 9864 name for the key's own curve are treated as one.
    static func sameAlgorithm(keyAlg: String, _ algorithm: JWSAlgorithm, type: KeyType) -> Bool {
        if keyAlg == algorithm.rawValue { return true }
        guard case .okp(let curve) = type else { return false }
        let pair: Set<String> = ["EdDSA", curve]
        return pair.contains(keyAlg) && pair.contains(algorithm.rawValue)
    }

    /// An HMAC key (RFC 7518 §3.2). Refuses an empty secret; shorter-than-hash secrets are refused at use.
    public static func hmac(secret: [UInt8], kid: String? = nil) throws(JOSEError) -> JWSKey {
        guard !secret.isEmpty else {
            throw JOSEError(.invalidKey, "HMAC secret is empty (RFC 7518 §3.2 requires at least the hash output size)")
        }
        if looksLikePublicKeyText(secret) {
            throw JOSEError(.keyMismatch, "HMAC secret is the text of a PEM or JWK key, not a shared secret: load key files as keys (KeyLoader); public-key bytes used as an HMAC secret are the algorithm-confusion attack (RFC 8725 §2.1, §3.1)")
        }
        return try JWSKey(material: .symmetric(HMACSecret(secret)), kid: kid, alg: nil, use: nil, keyOps: nil)
    }

    /// A secret that is key text (PEM, JWK, certificate, …) after any BOM and whitespace (``KeyTextDetection``).
    static func looksLikePublicKeyText(_ secret: [UInt8]) -> Bool {
        KeyTextDetection.keyDocumentKind(secret) != nil
    }

    /// Private JWK (with `d`, …, or `k`) for writing key files in tests and mock configuration; nil for a public key.
    public var privateJWK: JSONObject? {
        switch material {
        case .symmetric(let secret):
            var members = [JSONObject.Member(name: "kty", value: "oct"),
                           JSONObject.Member(name: "k", value: .string(Base64URL.encode(secret.bytes)))]
            members += storedPublicJWK.members.dropFirst()
            return JSONObject(members)
        case .asymmetric(let key):
            guard key.hasPrivate else { return nil }
            let publicCount = (try? key.publicMembers().count) ?? 0
            var members = Array(storedPublicJWK.members.prefix(publicCount))
            members += key.privateMembers()
            members += storedPublicJWK.members.dropFirst(publicCount)
            return JSONObject(members)
        }
    }
}

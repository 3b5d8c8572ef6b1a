/// Whether a key may be used with an algorithm (RFC 7518 §3, RFC 8725 §3.1 and §3.5), checked before any
/// cryptography so that "HS256 keyed with an RSA public key" and similar confusions are refused, not computed.
enum KeyPolicy {
    static func check(_ key: JWSKey, for algorithm: JWSAlgorithm, operation: String) throws(JOSEError) {
        switch (algorithm.family, key.material) {
        case (.unsecured, _):
            throw JOSEError(.unsupportedAlgorithm, "alg \"none\" is an unsecured JWS: there is no signature to \(operation) (RFC 7518 §3.6, RFC 8725 §3.2)")
        case (.hmac, .symmetric(let secret)):
            guard secret.bytes.count >= algorithm.hashLength else {
                throw JOSEError(.invalidKey, "\(algorithm.rawValue) needs a key of at least \(algorithm.hashLength) bytes, this one has \(secret.bytes.count) (RFC 7518 §3.2)")
            }
        case (.hmac, .asymmetric):
            throw JOSEError(.keyMismatch, "\(algorithm.rawValue) is an HMAC algorithm but the key is \(key.type.summary): an HMAC keyed with public-key bytes is the algorithm-confusion attack (RFC 8725 §2.1, §3.1)")
        case (_, .symmetric):
            throw JOSEError(.keyMismatch, "\(algorithm.rawValue) needs an asymmetric key but the key is a symmetric (oct) secret")
        case (.rsaPKCS1, .asymmetric(let asymmetric)), (.rsaPSS, .asymmetric(let asymmetric)):
            guard asymmetric.kind == .rsa else {
                throw JOSEError(.keyMismatch, "\(algorithm.rawValue) needs an RSA key, the key is \(key.type.summary)")
            }
            let bits = asymmetric.key.bits
            guard bits >= RSASignature.minimumBits else {
                throw JOSEError(.invalidKey, "RSA key of \(bits) bits: \"A key of size 2048 bits or larger MUST be used\" (RFC 7518 §3.3)")
            }
        case (.ecdsa, .asymmetric(let asymmetric)):
            let wanted = ECCurve.forAlgorithm(algorithm)!
            guard asymmetric.kind == .ec(wanted) else {
                throw JOSEError(.keyMismatch, "\(algorithm.rawValue) needs an EC key on \(wanted.jwkName) (RFC 7518 §3.4, RFC 8812 §3.2), the key is \(key.type.summary)")
            }
        case (.eddsa, .asymmetric(let asymmetric)):
            guard case .okp(let curve) = asymmetric.kind else {
                throw JOSEError(.keyMismatch, "\(algorithm.rawValue) needs an OKP key (Ed25519/Ed448, RFC 8037 §3.1), the key is \(key.type.summary)")
            }
            if algorithm != .EdDSA, algorithm != curve.algorithm {
                throw JOSEError(.keyMismatch, "\(algorithm.rawValue) names its curve (RFC 9864) but the key is \(curve.rawValue)")
            }
        }
        if let reason = key.metadataAllows(algorithm, operation: operation) {
            throw JOSEError(.keyMismatch, "key cannot \(operation) \(algorithm.rawValue): \(reason)")
        }
        if operation == "sign", !key.isPrivate {
            throw JOSEError(.keyMismatch, "\(algorithm.rawValue) signing needs a private key; this is a public key")
        }
    }
}

extension JWSKey.KeyType {
    /// Human words for messages ("RSA 2048-bit", "EC P-256", "OKP Ed25519", "oct 32 bytes").
    public var summary: String {
        switch self {
        case .rsa(let bits): "RSA \(bits)-bit"
        case .ec(let curve): "EC \(curve)"
        case .okp(let curve): "OKP \(curve)"
        case .oct(let bytes): "oct \(bytes) bytes"
        }
    }
}

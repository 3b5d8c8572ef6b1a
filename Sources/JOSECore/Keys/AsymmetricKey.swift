import COpenSSL

/// A parsed RSA, EC or OKP key with its verification contexts prepared per algorithm.
final class AsymmetricKey: @unchecked Sendable {
    enum Kind: Sendable, Equatable {
        case rsa
        case ec(ECCurve)
        case okp(EdCurve)
    }

    let key: EVPKey
    let kind: Kind
    let hasPrivate: Bool
    /// RSA modulus length in octets (k of RFC 8017), 0 for other kinds.
    let modulusLength: Int
    /// Prepared `EVP_PKEY_CTX`s (verify-initialised, digest and padding set), per algorithm (at most six entries:
    /// a linear scan, no hashing per token).
    private let pools: [(algorithm: JWSAlgorithm, pool: ContextPool)]

    @inline(__always)
    func verifyPool(_ algorithm: JWSAlgorithm) -> ContextPool? {
        for entry in pools where entry.algorithm == algorithm { return entry.pool }
        return nil
    }

    init(_ key: EVPKey, hasPrivate: Bool) throws(JOSEError) {
        self.key = key
        self.hasPrivate = hasPrivate
        switch key.baseID {
        case EVP_PKEY_RSA:
            kind = .rsa
            guard let e = key.bigNumber(shim_param_rsa_e()), let n = key.bigNumber(shim_param_rsa_n()) else {
                throw JOSEError(.invalidKey, "RSA key: modulus or exponent unreadable")
            }
            // RFC 8017 §3.1: 3 <= e <= n - 1 and e odd. e = 1 makes every "signature" its own message.
            let significant = e.drop(while: { $0 == 0 })
            guard let last = significant.last, last & 1 == 1, significant.count > 1 || last >= 3 else {
                throw JOSEError(.invalidKey, "RSA key: public exponent must be odd and at least 3 (RFC 8017 §3.1)")
            }
            guard let lastN = n.last, lastN & 1 == 1 else {
                throw JOSEError(.invalidKey, "RSA key: modulus must be odd (RFC 8017 §3.1)")
            }
            modulusLength = n.drop(while: { $0 == 0 }).count
            if ROCAFingerprint.matches(modulus: n) {
                throw JOSEError(.invalidKey, "RSA key has the ROCA fingerprint (CVE-2017-15361): its private key can be recovered; replace it")
            }
        case EVP_PKEY_EC:
            guard let group = key.utf8String(shim_param_group_name()) else {
                throw JOSEError(.invalidKey, "EC key: curve unreadable (explicit curve parameters are not supported)")
            }
            guard let curve = ECCurve.named(group: group) else {
                throw JOSEError(.invalidKey, "EC key on curve \(group): JWS uses P-256, P-384, P-521 or secp256k1 (RFC 7518 §3.4, RFC 8812)")
            }
            kind = .ec(curve)
            modulusLength = 0
        case EVP_PKEY_ED25519:
            kind = .okp(.ed25519)
            modulusLength = 0
        case EVP_PKEY_ED448:
            kind = .okp(.ed448)
            modulusLength = 0
        case EVP_PKEY_RSA_PSS:
            throw JOSEError(.invalidKey, "RSA-PSS restricted key (id-RSASSA-PSS): use a plain rsaEncryption key for PS* (RFC 7518 §3.5)")
        default:
            throw JOSEError(.invalidKey, "key type (libcrypto id \(key.baseID)) is not one JWS signs with: RSA, EC, Ed25519 or Ed448")
        }
        var pools: [(algorithm: JWSAlgorithm, pool: ContextPool)] = []
        switch kind {
        case .rsa:
            for algorithm in [JWSAlgorithm.RS256, .RS384, .RS512, .PS256, .PS384, .PS512] {
                pools.append((algorithm, AsymmetricKey.makeVerifyPool(key, digest: MessageDigest.forLength(algorithm.hashLength)!, pss: algorithm.family == .rsaPSS)))
            }
        case .ec(let curve):
            pools.append((curve.algorithm, AsymmetricKey.makeVerifyPool(key, digest: ECDSASignature.digestFor(curve), pss: false)))
        case .okp:
            break
        }
        self.pools = pools
    }

    private static func makeVerifyPool(_ key: EVPKey, digest: OpaquePointer, pss: Bool) -> ContextPool {
        ContextPool(
            make: {
                guard let ctx = EVP_PKEY_CTX_new_from_pkey(nil, key.pointer, nil) else { return nil }
                guard EVP_PKEY_verify_init(ctx) == 1, EVP_PKEY_CTX_set_signature_md(ctx, digest) == 1,
                      !pss || RSASignature.configurePSS(ctx, md: digest) else {
                    OpenSSLError.clear()
                    EVP_PKEY_CTX_free(ctx)
                    return nil
                }
                return ctx
            },
            destroy: { EVP_PKEY_CTX_free($0) })
    }

    var keyType: JWSKey.KeyType {
        switch kind {
        case .rsa: .rsa(bits: key.bits)
        case .ec(let curve): .ec(curve: curve.jwkName)
        case .okp(let curve): .okp(curve: curve.rawValue)
        }
    }

    /// The public JWK members (RFC 7518 §6.2.1, §6.3.1; RFC 8037 §2), without metadata.
    func publicMembers() throws(JOSEError) -> [JSONObject.Member] {
        func member(_ name: String, _ bytes: [UInt8]?) throws(JOSEError) -> JSONObject.Member {
            guard let bytes else { throw JOSEError(.invalidKey, "key: cannot read the public \"\(name)\" component") }
            return JSONObject.Member(name: name, value: .string(Base64URL.encode(bytes)))
        }
        switch kind {
        case .rsa:
            return [JSONObject.Member(name: "kty", value: "RSA"),
                    try member("n", key.bigNumber(shim_param_rsa_n())),
                    try member("e", key.bigNumber(shim_param_rsa_e()))]
        case .ec(let curve):
            return [JSONObject.Member(name: "kty", value: "EC"),
                    JSONObject.Member(name: "crv", value: .string(curve.jwkName)),
                    try member("x", key.bigNumber(shim_param_ec_pub_x(), width: curve.size)),
                    try member("y", key.bigNumber(shim_param_ec_pub_y(), width: curve.size))]
        case .okp(let curve):
            return [JSONObject.Member(name: "kty", value: "OKP"),
                    JSONObject.Member(name: "crv", value: .string(curve.rawValue)),
                    try member("x", key.rawPublicKey())]
        }
    }

    /// The private JWK members (`d`, and for RSA the CRT members when the key has them).
    func privateMembers() -> [JSONObject.Member] {
        guard hasPrivate else { return [] }
        func member(_ name: String, _ bytes: [UInt8]?) -> JSONObject.Member? {
            bytes.map { JSONObject.Member(name: name, value: .string(Base64URL.encode($0))) }
        }
        switch kind {
        case .rsa:
            let names: [(String, UnsafePointer<CChar>)] = [
                ("d", shim_param_rsa_d()), ("p", shim_param_rsa_factor1()), ("q", shim_param_rsa_factor2()),
                ("dp", shim_param_rsa_exponent1()), ("dq", shim_param_rsa_exponent2()), ("qi", shim_param_rsa_coefficient1()),
            ]
            let members = names.compactMap { member($0.0, key.bigNumber($0.1)) }
            return members.count == 6 ? members : Array(members.prefix(1))
        case .ec(let curve):
            return [member("d", key.bigNumber(shim_param_priv_key(), width: curve.size))].compactMap { $0 }
        case .okp:
            return [member("d", key.rawPrivateKey())].compactMap { $0 }
        }
    }
}

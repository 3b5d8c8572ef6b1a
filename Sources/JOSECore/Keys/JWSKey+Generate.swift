import COpenSSL

extension JWSKey {
    /// A fresh key for `algorithm`: ES256/ES384/ES512/ES256K → EC on the matching curve, RS*/PS* → RSA 2048,
    /// EdDSA/Ed25519 → Ed25519, Ed448 → Ed448, HS* → a random secret of the hash length (RFC 7518 §3.2).
    public static func generate(for algorithm: JWSAlgorithm, kid: String? = nil) throws(JOSEError) -> JWSKey {
        let key: EVPKey
        switch algorithm.family {
        case .unsecured:
            throw JOSEError(.unsupportedAlgorithm, "alg \"none\" has no key")
        case .hmac:
            var secret = [UInt8](repeating: 0, count: algorithm.hashLength)
            guard secret.withUnsafeMutableBufferPointer({ RAND_bytes($0.baseAddress, Int32($0.count)) }) == 1 else {
                throw OpenSSLError.failure("RAND_bytes")
            }
            return try hmac(secret: secret, kid: kid)
        case .rsaPKCS1, .rsaPSS:
            key = try generateKey("RSA") { EVP_PKEY_CTX_set_rsa_keygen_bits($0, 2048) == 1 }
        case .ecdsa:
            let curve = ECCurve.forAlgorithm(algorithm)!
            key = try generateKey("EC") { EVP_PKEY_CTX_set_group_name($0, curve.groupNamePointer) == 1 }
        case .eddsa:
            key = try generateKey(algorithm == .Ed448 ? "ED448" : "ED25519") { _ in true }
        }
        return try JWSKey(material: .asymmetric(AsymmetricKey(key, hasPrivate: true)), kid: kid, alg: nil, use: nil, keyOps: nil)
    }

    private static func generateKey(_ name: String, configure: (OpaquePointer) -> Bool) throws(JOSEError) -> EVPKey {
        guard let ctx = EVP_PKEY_CTX_new_from_name(nil, name, nil) else { throw OpenSSLError.failure("EVP_PKEY_CTX_new_from_name(\(name))") }
        defer { EVP_PKEY_CTX_free(ctx) }
        var pkey: OpaquePointer? = nil
        guard EVP_PKEY_keygen_init(ctx) == 1, configure(ctx), EVP_PKEY_generate(ctx, &pkey) == 1, let pkey else {
            throw OpenSSLError.failure("\(name) key generation")
        }
        return EVPKey(taking: pkey)
    }
}

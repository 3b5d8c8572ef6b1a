import COpenSSL

/// JWK members → libcrypto keys (`EVP_PKEY_fromdata`, `EVP_PKEY_new_raw_*_key`).
enum JWKReader {
    /// Why a JWK in a set is not for this kit (skipped, not an error), or nil when it should be parsed.
    static func unsupportedReason(_ jwk: JSONObject) -> String? {
        guard let kty = jwk["kty"]?.stringValue else { return nil }  // reported as an error by key(_:)
        switch kty {
        case "RSA", "oct": return nil
        case "EC":
            guard let crv = jwk["crv"]?.stringValue, ECCurve.named(jwk: crv) == nil else { return nil }
            return "EC curve \"\(crv)\" is not a JWS curve"
        case "OKP":
            guard let crv = jwk["crv"]?.stringValue, EdCurve(rawValue: crv) == nil else { return nil }
            return "OKP curve \"\(crv)\" is not a signature curve (RFC 8037 §3.1 uses Ed25519 and Ed448)"
        default:
            return "unknown kty \"\(kty)\" (RFC 7517 §5: ignored)"
        }
    }

    static func key(_ jwk: JSONObject) throws(JOSEError) -> JWSKey {
        guard let ktyValue = jwk["kty"] else { throw JOSEError(.invalidKey, "JWK: \"kty\" is missing (RFC 7517 §4.1)") }
        guard case .string(let kty) = ktyValue else { throw JOSEError(.invalidKey, "JWK: \"kty\" must be a string") }
        let kid = try optionalString(jwk, "kid")
        let alg = try optionalString(jwk, "alg")
        let use = try optionalString(jwk, "use")
        var keyOps: [String]? = nil
        if let value = jwk["key_ops"] {
            guard case .array(let items) = value else { throw JOSEError(.invalidKey, "JWK: \"key_ops\" must be an array of strings (RFC 7517 §4.3)") }
            var ops: [String] = []
            for item in items {
                guard case .string(let op) = item else { throw JOSEError(.invalidKey, "JWK: \"key_ops\" must be an array of strings (RFC 7517 §4.3)") }
                guard !ops.contains(op) else { throw JOSEError(.invalidKey, "JWK: \"key_ops\" repeats \"\(op)\" (RFC 7517 §4.3)") }
                ops.append(op)
            }
            keyOps = ops
        }
        let material: JWSKey.Material
        switch kty {
        case "RSA": material = .asymmetric(try rsa(jwk))
        case "EC": material = .asymmetric(try ec(jwk))
        case "OKP": material = .asymmetric(try okp(jwk))
        case "oct":
            let k = try bytes(jwk, "k")
            guard !k.isEmpty else { throw JOSEError(.invalidKey, "JWK: oct key \"k\" is empty (RFC 7518 §3.2)") }
            material = .symmetric(HMACSecret(k))
        default:
            throw JOSEError(.invalidKey, "JWK: unknown kty \"\(kty)\" (RFC 7518 §6.1: EC, RSA, oct; RFC 8037: OKP)")
        }
        return try JWSKey(material: material, kid: kid, alg: alg, use: use, keyOps: keyOps)
    }

    private static func optionalString(_ jwk: JSONObject, _ name: String) throws(JOSEError) -> String? {
        guard let value = jwk[name] else { return nil }
        guard case .string(let s) = value else { throw JOSEError(.invalidKey, "JWK: \"\(name)\" must be a string, found \(value.typeName)") }
        return s
    }

    private static func bytes(_ jwk: JSONObject, _ name: String) throws(JOSEError) -> [UInt8] {
        guard let value = jwk[name] else { throw JOSEError(.invalidKey, "JWK: \"\(name)\" is missing") }
        guard case .string(let text) = value else { throw JOSEError(.invalidKey, "JWK: \"\(name)\" must be a base64url string") }
        do {
            return try Base64URL.decode(text, segment: "JWK \(name)")
        } catch {
            throw JOSEError(.invalidKey, "JWK: \"\(name)\" is not valid base64url")
        }
    }

    private static func optionalBytes(_ jwk: JSONObject, _ name: String) throws(JOSEError) -> [UInt8]? {
        jwk[name] == nil ? nil : try bytes(jwk, name)
    }

    /// RFC 7518 §6.3: n, e; private d with all of p, q, dp, dq, qi or none of them; "oth" (multi-prime) unsupported.
    static func rsa(_ jwk: JSONObject) throws(JOSEError) -> AsymmetricKey {
        let n = try bytes(jwk, "n"), e = try bytes(jwk, "e")
        guard !n.isEmpty, !e.isEmpty else { throw JOSEError(.invalidKey, "JWK: RSA \"n\" and \"e\" must not be empty") }
        let builder = try ParamBuilder()
        try builder.number(shim_param_rsa_n(), n)
        try builder.number(shim_param_rsa_e(), e)
        let d = try optionalBytes(jwk, "d")
        if let d {
            guard jwk["oth"] == nil else { throw JOSEError(.invalidKey, "JWK: multi-prime RSA (\"oth\") is not supported") }
            try builder.number(shim_param_rsa_d(), d)
            let crtNames = ["p", "q", "dp", "dq", "qi"]
            let present = crtNames.filter { jwk[$0] != nil }
            if !present.isEmpty {
                guard present.count == crtNames.count else {
                    throw JOSEError(.invalidKey, "JWK: RSA private key has some but not all of p, q, dp, dq, qi (RFC 7518 §6.3.2)")
                }
                try builder.number(shim_param_rsa_factor1(), try bytes(jwk, "p"))
                try builder.number(shim_param_rsa_factor2(), try bytes(jwk, "q"))
                try builder.number(shim_param_rsa_exponent1(), try bytes(jwk, "dp"))
                try builder.number(shim_param_rsa_exponent2(), try bytes(jwk, "dq"))
                try builder.number(shim_param_rsa_coefficient1(), try bytes(jwk, "qi"))
            }
        }
        return try AsymmetricKey(builder.makeKey(type: "RSA", privateKey: d != nil), hasPrivate: d != nil)
    }

    /// RFC 7518 §6.2 (and RFC 8812 §3.1 for secp256k1): x and y are the full coordinate size; the point must be on
    /// the curve; d, when present, is the full size and must match the public point.
    static func ec(_ jwk: JSONObject) throws(JOSEError) -> AsymmetricKey {
        guard let crv = jwk["crv"]?.stringValue else { throw JOSEError(.invalidKey, "JWK: EC \"crv\" is missing (RFC 7518 §6.2.1.1)") }
        guard let curve = ECCurve.named(jwk: crv) else {
            throw JOSEError(.invalidKey, "JWK: EC curve \"\(crv)\" is not supported (P-256, P-384, P-521, secp256k1)")
        }
        let x = try bytes(jwk, "x"), y = try bytes(jwk, "y")
        guard x.count == curve.size, y.count == curve.size else {
            throw JOSEError(.invalidKey, "JWK: EC \"x\"/\"y\" must be \(curve.size) octets for \(crv) (RFC 7518 §6.2.1.2), found \(x.count)/\(y.count)")
        }
        let d = try optionalBytes(jwk, "d")
        if let d, d.count != curve.size {
            throw JOSEError(.invalidKey, "JWK: EC \"d\" must be \(curve.size) octets for \(crv) (RFC 7518 §6.2.2.1)")
        }
        let builder = try ParamBuilder()
        try builder.utf8(shim_param_group_name(), curve.groupNamePointer)
        try builder.octets(shim_param_ec_pub_key(), [0x04] + x + y)
        if let d { try builder.number(shim_param_priv_key(), d) }
        let key = try builder.makeKey(type: "EC", privateKey: d != nil)
        try check(key, pairwise: d != nil, what: "EC")
        return try AsymmetricKey(key, hasPrivate: d != nil)
    }

    /// Point on the curve (public check) and, for private keys, d·G equals the public point (pairwise check).
    private static func check(_ key: EVPKey, pairwise: Bool, what: String) throws(JOSEError) {
        guard let ctx = EVP_PKEY_CTX_new_from_pkey(nil, key.pointer, nil) else { throw OpenSSLError.failure("EVP_PKEY_CTX_new_from_pkey") }
        defer { EVP_PKEY_CTX_free(ctx) }
        guard EVP_PKEY_public_check(ctx) == 1 else {
            OpenSSLError.clear()
            throw JOSEError(.invalidKey, "JWK: \(what) public point is not on the curve (RFC 7518 §6.2.1)")
        }
        if pairwise, EVP_PKEY_pairwise_check(ctx) != 1 {
            OpenSSLError.clear()
            throw JOSEError(.invalidKey, "JWK: \(what) private key \"d\" does not match the public point")
        }
    }

    /// RFC 8037 §2: crv Ed25519/Ed448, x the raw public key, d the raw private key.
    static func okp(_ jwk: JSONObject) throws(JOSEError) -> AsymmetricKey {
        guard let crv = jwk["crv"]?.stringValue else { throw JOSEError(.invalidKey, "JWK: OKP \"crv\" is missing (RFC 8037 §2)") }
        guard let curve = EdCurve(rawValue: crv) else {
            throw JOSEError(.invalidKey, "JWK: OKP curve \"\(crv)\" is not a signature curve (RFC 8037 §3.1: Ed25519, Ed448)")
        }
        let x = try bytes(jwk, "x")
        guard x.count == curve.keyLength else {
            throw JOSEError(.invalidKey, "JWK: \(crv) \"x\" must be \(curve.keyLength) octets, found \(x.count) (RFC 8037 §2)")
        }
        if let d = try optionalBytes(jwk, "d") {
            guard d.count == curve.keyLength else {
                throw JOSEError(.invalidKey, "JWK: \(crv) \"d\" must be \(curve.keyLength) octets (RFC 8037 §2)")
            }
            guard let pkey = d.withUnsafeBufferPointer({ EVP_PKEY_new_raw_private_key(curve.evpType, nil, $0.baseAddress, $0.count) }) else {
                OpenSSLError.clear()
                throw JOSEError(.invalidKey, "JWK: \(crv) private key refused by libcrypto")
            }
            let key = EVPKey(taking: pkey)
            guard key.rawPublicKey() == x else {
                throw JOSEError(.invalidKey, "JWK: \(crv) \"x\" does not match the private key \"d\"")
            }
            return try AsymmetricKey(key, hasPrivate: true)
        }
        guard let pkey = x.withUnsafeBufferPointer({ EVP_PKEY_new_raw_public_key(curve.evpType, nil, $0.baseAddress, $0.count) }) else {
            OpenSSLError.clear()
            throw JOSEError(.invalidKey, "JWK: \(crv) public key refused by libcrypto")
        }
        return try AsymmetricKey(EVPKey(taking: pkey), hasPrivate: false)
    }
}

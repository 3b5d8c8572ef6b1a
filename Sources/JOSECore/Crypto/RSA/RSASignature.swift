import COpenSSL

/// RSASSA-PKCS1-v1_5 (RS*, RFC 7518 §3.3) and RSASSA-PSS (PS*, RFC 7518 §3.5: MGF1 with the same hash, salt length
/// equal to the hash length, checked exactly by libcrypto with `RSA_PSS_SALTLEN_DIGEST`).
enum RSASignature {
    /// The smallest modulus JWS allows: "A key of size 2048 bits or larger MUST be used" (RFC 7518 §3.3, §3.5).
    static let minimumBits = 2048

    static func verify(key: AsymmetricKey, algorithm: JWSAlgorithm, input: UnsafeRawBufferPointer, signature: [UInt8]) -> Bool {
        // RFC 8017 §8.2.2 step 1: the signature is exactly k octets.
        guard signature.count == key.modulusLength, let md = MessageDigest.forLength(algorithm.hashLength),
              let pool = key.verifyPool(algorithm) else { return false }
        var digest = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        return withUnsafeMutableBytes(of: &digest) { buffer -> Bool in
            let out = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            let length = MessageDigest.digest(md, input, into: out)
            guard length > 0 else { return false }
            let ok = pool.withContext { ctx in
                signature.withUnsafeBufferPointer { EVP_PKEY_verify(ctx, $0.baseAddress, $0.count, out, length) }
            }
            if ok != 1 { OpenSSLError.clear() }
            return ok == 1
        }
    }

    /// Sets PSS parameters on a context already initialised for verify or sign.
    static func configurePSS(_ ctx: OpaquePointer, md: OpaquePointer) -> Bool {
        EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PSS_PADDING) == 1
            && EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, md) == 1
            && EVP_PKEY_CTX_set_rsa_pss_saltlen(ctx, RSA_PSS_SALTLEN_DIGEST) == 1
    }
}

import COpenSSL

/// Signing with a private key through `EVP_DigestSign` (RFC 7515 §5.1 step 5). Not on the hot path, so a fresh
/// context per call keeps it simple.
enum AsymmetricSigning {
    static func sign(key: AsymmetricKey, algorithm: JWSAlgorithm, input: UnsafeRawBufferPointer) throws(JOSEError) -> [UInt8] {
        guard let ctx = EVP_MD_CTX_new() else { throw OpenSSLError.failure("EVP_MD_CTX_new") }
        defer { EVP_MD_CTX_free(ctx) }
        let md: OpaquePointer? = algorithm.family == .eddsa ? nil : MessageDigest.forLength(algorithm.hashLength)
        var pctx: OpaquePointer? = nil
        guard EVP_DigestSignInit(ctx, &pctx, md, nil, key.key.pointer) == 1, let pctx else {
            throw OpenSSLError.failure("EVP_DigestSignInit (\(algorithm.rawValue))")
        }
        if algorithm.family == .rsaPSS, let md, !RSASignature.configurePSS(pctx, md: md) {
            throw OpenSSLError.failure("PSS parameters")
        }
        let data = input.baseAddress?.assumingMemoryBound(to: UInt8.self)
        var length = 0
        guard EVP_DigestSign(ctx, nil, &length, data, input.count) == 1 else {
            throw OpenSSLError.failure("EVP_DigestSign (size)")
        }
        var out = [UInt8](repeating: 0, count: length)
        let rc = out.withUnsafeMutableBufferPointer { EVP_DigestSign(ctx, $0.baseAddress, &length, data, input.count) }
        guard rc == 1 else { throw OpenSSLError.failure("EVP_DigestSign") }
        out.removeSubrange(length...)
        if algorithm.family == .ecdsa, case .ec(let curve) = key.kind {
            guard let raw = ECDSASignature.rawFromDER(out, size: curve.size) else {
                throw JOSEError(.cryptoFailure, "ECDSA: libcrypto returned a signature that is not DER")
            }
            return raw
        }
        return out
    }
}

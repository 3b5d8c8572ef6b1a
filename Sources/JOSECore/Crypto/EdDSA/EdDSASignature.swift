import COpenSSL

/// EdDSA (RFC 8037 §3.1, RFC 8032): "pure" Ed25519 / Ed448, one-shot `EVP_DigestVerify` with no digest
/// (notes §1 gotcha 7). Signatures are 64 (Ed25519) or 114 (Ed448) octets.
enum EdDSASignature {
    static func verify(key: AsymmetricKey, curve: EdCurve, input: UnsafeRawBufferPointer, signature: [UInt8]) -> Bool {
        guard signature.count == curve.signatureLength else { return false }
        guard let ctx = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(ctx) }
        guard EVP_DigestVerifyInit(ctx, nil, nil, nil, key.key.pointer) == 1 else {
            OpenSSLError.clear()
            return false
        }
        let rc = signature.withUnsafeBufferPointer {
            EVP_DigestVerify(ctx, $0.baseAddress, $0.count, input.baseAddress?.assumingMemoryBound(to: UInt8.self), input.count)
        }
        if rc != 1 { OpenSSLError.clear() }
        return rc == 1
    }
}

/// The EdDSA curves of JOSE (RFC 8037 §2): `crv` "Ed25519" and "Ed448".
enum EdCurve: String, Sendable, Equatable {
    case ed25519 = "Ed25519"
    case ed448 = "Ed448"

    var keyLength: Int { self == .ed25519 ? 32 : 57 }
    var signatureLength: Int { self == .ed25519 ? 64 : 114 }
    var evpType: Int32 { self == .ed25519 ? EVP_PKEY_ED25519 : EVP_PKEY_ED448 }
    /// The RFC 9864 fully-specified algorithm name for this curve.
    var algorithm: JWSAlgorithm { self == .ed25519 ? .Ed25519 : .Ed448 }
}

/// Signature verification (RFC 7515 §5.2, RFC 7518 §3).
///
/// Throws `JOSEError` (`.keyMismatch`, `.unsupportedAlgorithm`, `.invalidKey`) when the key cannot be used with the
/// algorithm: type, curve or size (RSA < 2048 bits, HMAC key shorter than the hash), `alg` "none", or JWK metadata
/// (`alg`, `use`, `key_ops`) that excludes it. Returns false when the signature simply does not verify, including a
/// wrong length, a DER-encoded ECDSA signature, and r or s of zero or not below the group order.
public enum JWSVerifier {
    /// Verifies a compact JWS with the algorithm named by its header (exact, case-sensitive, RFC 7515 §4.1.1).
    public static func verify(_ jws: JWSToken, key: JWSKey) throws(JOSEError) -> Bool {
        guard let algorithm = jws.header.algorithm else {
            throw JOSEError(.unsupportedAlgorithm, "alg \(JSONValue.quoted(jws.header.alg)) is not a JWS algorithm this kit supports (RFC 7518 §3.1)")
        }
        // A segment that is not a signature for this header never verifies, whatever the key (fail closed).
        guard jws.signatureDefect == nil else { return false }
        return try jws.signingInput.withUnsafeBytes { input in
            verifyContiguous(algorithm: algorithm, input: input, signature: jws.signature, key: key)
        }.get()
    }

    /// Inlinable so that callers in other modules get a specialised, non-generic call (notes §3: an unspecialised
    /// cross-module generic on the hot path cost 50×); the work happens in ``verifyContiguous``.
    @inlinable
    public static func verify(algorithm: JWSAlgorithm, signingInput: some Collection<UInt8>, signature: [UInt8], key: JWSKey) throws(JOSEError) -> Bool {
        let result = signingInput.withContiguousStorageIfAvailable { buffer in
            verifyContiguous(algorithm: algorithm, input: UnsafeRawBufferPointer(buffer), signature: signature, key: key)
        }
        if let result { return try result.get() }
        return try Array(signingInput).withUnsafeBytes { input in
            verifyContiguous(algorithm: algorithm, input: input, signature: signature, key: key)
        }.get()
    }

    @usableFromInline
    static func verifyContiguous(algorithm: JWSAlgorithm, input: UnsafeRawBufferPointer, signature: [UInt8], key: JWSKey) -> Result<Bool, JOSEError> {
        do throws(JOSEError) {
            try KeyPolicy.check(key, for: algorithm, operation: "verify")
        } catch {
            return .failure(error)
        }
        return .success(primitiveVerify(algorithm: algorithm, input: input, signature: signature, material: key.material))
    }

    /// The primitive check with no key policy (the caller has run ``KeyPolicy``): used by the vector tests for
    /// inputs a JWS policy refuses (e.g. short HMAC keys in Wycheproof's MAC files).
    static func primitiveVerify(algorithm: JWSAlgorithm, input: UnsafeRawBufferPointer, signature: [UInt8], material: JWSKey.Material) -> Bool {
        switch material {
        case .symmetric(let secret):
            return algorithm.family == .hmac && secret.verify(input, tag: signature, hashLength: algorithm.hashLength)
        case .asymmetric(let key):
            switch (algorithm.family, key.kind) {
            case (.rsaPKCS1, .rsa), (.rsaPSS, .rsa):
                return RSASignature.verify(key: key, algorithm: algorithm, input: input, signature: signature)
            case (.ecdsa, .ec(let curve)) where curve.algorithm == algorithm:
                return ECDSASignature.verify(key: key, curve: curve, input: input, signature: signature)
            case (.eddsa, .okp(let curve)):
                return EdDSASignature.verify(key: key, curve: curve, input: input, signature: signature)
            default:
                return false
            }
        }
    }
}

/// Signing (RFC 7515 §5.1).
public enum JWSSigner {
    /// Signs `payload` under `header` (which must contain a string "alg") and returns the compact serialization
    /// `BASE64URL(UTF8(header)) . BASE64URL(payload) . BASE64URL(signature)` (RFC 7515 §7.1). The header is
    /// serialized compactly in its member order.
    public static func sign(header: JSONObject, payload: [UInt8], key: JWSKey) throws(JOSEError) -> String {
        guard let value = header["alg"] else { throw JOSEError(.invalidHeader, "header: \"alg\" is missing (RFC 7515 §4.1.1)") }
        guard case .string(let name) = value else { throw JOSEError(.invalidHeader, "header: \"alg\" must be a string") }
        guard let algorithm = JWSAlgorithm(rawValue: name) else {
            throw JOSEError(.unsupportedAlgorithm, "alg \(JSONValue.quoted(name)) is not a JWS algorithm this kit supports")
        }
        let headerPart = Base64URL.encode(Array(JSONValue.object(header).compact.utf8))
        let signingInput = headerPart + "." + Base64URL.encode(payload)
        let signature = try sign(algorithm: algorithm, signingInput: Array(signingInput.utf8), key: key)
        return signingInput + "." + Base64URL.encode(signature)
    }

    /// The signature octets for `signingInput` (ECDSA as `r || s`, RFC 7518 §3.4).
    public static func sign(algorithm: JWSAlgorithm, signingInput: [UInt8], key: JWSKey) throws(JOSEError) -> [UInt8] {
        try KeyPolicy.check(key, for: algorithm, operation: "sign")
        let result = signingInput.withUnsafeBytes { input -> Result<[UInt8], JOSEError> in
            switch key.material {
            case .symmetric(let secret):
                guard let tag = secret.mac(input, hashLength: algorithm.hashLength) else { return .failure(OpenSSLError.failure("HMAC")) }
                return .success(tag)
            case .asymmetric(let asymmetric):
                do throws(JOSEError) {
                    return .success(try AsymmetricSigning.sign(key: asymmetric, algorithm: algorithm, input: input))
                } catch { return .failure(error) }
            }
        }
        return try result.get()
    }
}

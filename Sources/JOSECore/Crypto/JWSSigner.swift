/// Signing (RFC 7515 §5.1).
public enum JWSSigner {
    /// Signs `payload` under `header` (which must contain a string "alg") and returns the compact serialization
    /// `BASE64URL(UTF8(header)) . BASE64URL(payload) . BASE64URL(signature)` (RFC 7515 §7.1). The header is
    /// serialized compactly in its member order. With `"b64": false` (RFC 7797 §3) the payload is used as is: the
    /// header must then list "b64" in "crit" (RFC 7797 §6) and the payload must be ASCII without '.' (§5.2).
    public static func sign(header: JSONObject, payload: [UInt8], key: JWSKey) throws(JOSEError) -> String {
        guard let value = header["alg"] else { throw JOSEError(.invalidHeader, "header: \"alg\" is missing (RFC 7515 §4.1.1)") }
        guard case .string(let name) = value else { throw JOSEError(.invalidHeader, "header: \"alg\" must be a string") }
        guard let algorithm = JWSAlgorithm(rawValue: name) else {
            throw JOSEError(.unsupportedAlgorithm, "alg \(JSONValue.quoted(name)) is not a JWS algorithm this kit supports")
        }
        let headerPart = Base64URL.encode(Array(JSONValue.object(header).compact.utf8))
        let payloadPart: String
        switch header["b64"] {
        case nil, .bool(true)?:
            payloadPart = Base64URL.encode(payload)
        case .bool(false)?:
            guard header["crit"]?.arrayValue?.contains(.string("b64")) == true else {
                throw JOSEError(.invalidHeader, "header: \"b64\": false requires \"crit\" to list \"b64\" (RFC 7797 §6)")
            }
            guard payload.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ".") }) else {
                throw JOSEError(.invalidHeader, "payload: an unencoded (b64: false) compact payload must be printable ASCII without '.' (RFC 7797 §5.2)")
            }
            payloadPart = String(decoding: payload, as: UTF8.self)
        case let other?:
            throw JOSEError(.invalidHeader, "header: \"b64\" must be a boolean, found \(other.typeName) (RFC 7797 §3)")
        }
        let signingInput = headerPart + "." + payloadPart
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

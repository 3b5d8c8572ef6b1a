import Testing
import JOSECore

/// Shared assertions for published JWS examples: the signature verifies with the public half of the key, flipping one
/// byte of the signature or of the payload makes it fail, and (deterministic algorithms) re-signing gives the same bytes.
enum JWSExampleCheck {
    static let deterministic: Set<JWSAlgorithm> = [.HS256, .HS384, .HS512, .RS256, .RS384, .RS512, .EdDSA, .Ed25519, .Ed448]

    /// The key to verify with: the public JWK of `jwk` (or the secret itself for `oct`).
    static func verificationKey(_ signingKey: JWSKey) throws -> JWSKey {
        if case .oct = signingKey.type { return signingKey }
        return try KeyLoader.jwk(signingKey.publicJWK)
    }

    /// Checks one signature over `signingInput` (header segment "." payload segment, or raw detached bytes).
    static func check(name: String, algorithm: JWSAlgorithm, signingInput: [UInt8], signature: [UInt8], jwk: JSONObject,
                      payloadOffset: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let signingKey = try KeyLoader.jwk(jwk)
        let key = try verificationKey(signingKey)
        #expect(try JWSVerifier.verify(algorithm: algorithm, signingInput: signingInput, signature: signature, key: key),
                "\(name): must verify", sourceLocation: sourceLocation)
        var badSignature = signature
        badSignature[signature.count / 3] ^= 0x20
        #expect(try !JWSVerifier.verify(algorithm: algorithm, signingInput: signingInput, signature: badSignature, key: key),
                "\(name): a changed signature byte must fail", sourceLocation: sourceLocation)
        if payloadOffset < signingInput.count {
            var badInput = signingInput
            badInput[payloadOffset] ^= 0x01
            #expect(try !JWSVerifier.verify(algorithm: algorithm, signingInput: badInput, signature: signature, key: key),
                    "\(name): a changed payload byte must fail", sourceLocation: sourceLocation)
        }
        if deterministic.contains(algorithm), signingKey.isPrivate {
            let again = try JWSSigner.sign(algorithm: algorithm, signingInput: signingInput, key: signingKey)
            #expect(again == signature, "\(name): deterministic re-signing must reproduce the signature", sourceLocation: sourceLocation)
        }
    }

    /// Checks a compact JWS end to end: parse, verify with the header's alg, tamper, re-sign to the same compact.
    static func checkCompact(name: String, compact: String, jwk: JSONObject, sourceLocation: SourceLocation = #_sourceLocation) throws {
        guard case .jws(let token) = try CompactToken.parse(compact) else {
            Issue.record("\(name): not a compact JWS", sourceLocation: sourceLocation)
            return
        }
        let algorithm = try #require(token.header.algorithm, sourceLocation: sourceLocation)
        let signingKey = try KeyLoader.jwk(jwk)
        #expect(try JWSVerifier.verify(token, key: try verificationKey(signingKey)), "\(name): compact must verify", sourceLocation: sourceLocation)
        let input = Array(token.signingInput)
        let payloadOffset = (input.firstIndex(of: UInt8(ascii: ".")) ?? 0) + 2
        try check(name: name, algorithm: algorithm, signingInput: input, signature: token.signature, jwk: jwk,
                  payloadOffset: payloadOffset, sourceLocation: sourceLocation)
        if deterministic.contains(algorithm), signingKey.isPrivate {
            let signature = try JWSSigner.sign(algorithm: algorithm, signingInput: input, key: signingKey)
            #expect(String(decoding: input, as: UTF8.self) + "." + Base64URL.encode(signature) == compact,
                    "\(name): re-signing must give the same compact", sourceLocation: sourceLocation)
        }
    }

    /// Checks one JSON-serialization signature entry (`protected`, `signature`) over `payload` (RFC 7515 §7.2).
    static func checkJSONSignature(name: String, protected: String, payload: String, signature: String, jwk: JSONObject,
                                   sourceLocation: SourceLocation = #_sourceLocation) throws {
        let header = try JSONParser().parse(try Base64URL.decode(protected), context: "protected")
        let algorithm = try #require(header["alg"]?.stringValue.flatMap(JWSAlgorithm.init(rawValue:)), sourceLocation: sourceLocation)
        try check(name: name, algorithm: algorithm, signingInput: Array((protected + "." + payload).utf8),
                  signature: try Base64URL.decode(signature), jwk: jwk, payloadOffset: protected.utf8.count + 2, sourceLocation: sourceLocation)
    }
}

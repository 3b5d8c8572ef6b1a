import Testing
import JOSECore

/// Sign → verify with freshly generated keys, for every algorithm (RFC 7515 §5.1 / §5.2).
@Suite struct SignVerifyRoundTripTests {
    static let algorithms: [JWSAlgorithm] = JWSAlgorithm.allCases.filter { $0 != .none }

    @Test(arguments: algorithms)
    func roundTrip(algorithm: JWSAlgorithm) throws {
        let key = try JWSKey.generate(for: algorithm, kid: "k1")
        #expect(key.isPrivate)
        #expect(key.compatibleAlgorithms.contains(algorithm))
        let header: JSONObject = ["alg": .string(algorithm.rawValue), "typ": "JWT", "kid": "k1"]
        let compact = try JWSSigner.sign(header: header, payload: Array(#"{"sub":"alice","n":1}"#.utf8), key: key)
        guard case .jws(let token) = try CompactToken.parse(compact) else {
            Issue.record("not a JWS")
            return
        }
        if let length = algorithm.fixedSignatureLength { #expect(token.signature.count == length) }
        #expect(try JWSVerifier.verify(token, key: key))

        // The public half alone verifies too, and cannot sign.
        let publicKey: JWSKey
        if case .oct = key.type {
            publicKey = key
        } else {
            publicKey = try KeyLoader.jwk(key.publicJWK)
            #expect(!publicKey.isPrivate)
            #expect(publicKey.thumbprint == key.thumbprint)
            #expect(throws: JOSEError(.keyMismatch, "")) {
                try JWSSigner.sign(algorithm: algorithm, signingInput: [1, 2, 3], key: publicKey)
            }
        }
        #expect(try JWSVerifier.verify(token, key: publicKey))

        // One flipped bit in the signature, or in the signing input, fails.
        var signature = token.signature
        signature[signature.count / 2] ^= 0x01
        #expect(try !JWSVerifier.verify(algorithm: algorithm, signingInput: token.signingInput, signature: signature, key: publicKey))
        var input = Array(token.signingInput)
        input[input.count - 1] ^= 0x01
        #expect(try !JWSVerifier.verify(algorithm: algorithm, signingInput: input, signature: token.signature, key: publicKey))
    }

    @Test(arguments: algorithms)
    func privateJWKAndPEMReload(algorithm: JWSAlgorithm) throws {
        let key = try JWSKey.generate(for: algorithm)
        let jwk = try #require(key.privateJWK)
        let reloaded = try KeyLoader.jwk(jwk)
        #expect(reloaded.isPrivate)
        #expect(reloaded.thumbprint == key.thumbprint)
        let signature = try JWSSigner.sign(algorithm: algorithm, signingInput: Array("abc".utf8), key: reloaded)
        #expect(try JWSVerifier.verify(algorithm: algorithm, signingInput: Array("abc".utf8), signature: signature, key: key))
        guard algorithm.family != .hmac else { return }
        let publicPEM = try key.publicPEM()
        #expect(publicPEM.hasPrefix("-----BEGIN PUBLIC KEY-----"))
        let fromPublicPEM = try #require(try KeyLoader.load(Array(publicPEM.utf8)).first)
        #expect(!fromPublicPEM.isPrivate)
        #expect(fromPublicPEM.thumbprint == key.thumbprint)
        let privatePEM = try #require(try key.privatePEM())
        #expect(privatePEM.hasPrefix("-----BEGIN PRIVATE KEY-----"))
        let fromPrivatePEM = try #require(try KeyLoader.load(Array(privatePEM.utf8)).first)
        #expect(fromPrivatePEM.isPrivate)
        let again = try JWSSigner.sign(algorithm: algorithm, signingInput: Array("abc".utf8), key: fromPrivatePEM)
        #expect(try JWSVerifier.verify(algorithm: algorithm, signingInput: Array("abc".utf8), signature: again, key: fromPublicPEM))
    }
}

/// RFC 7797: signing with `"b64": false`.
@Suite struct UnencodedPayloadSigningTests {
    @Test func rfc7797SigningReproducesTheRFCExample() throws {
        // RFC 7797 §4.2 (key = RFC 7515 A.1's HMAC key): header {"alg":"HS256","b64":false,"crit":["b64"]}, payload "$.02".
        // "$.02" contains '.', so compact signing must refuse it; the signature over the detached input must match.
        let secret = try Base64URL.decode("AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow")
        let key = try JWSKey.hmac(secret: secret)
        let header: JSONObject = ["alg": "HS256", "b64": false, "crit": ["b64"]]
        #expect(throws: JOSEError(.invalidHeader, "")) { try JWSSigner.sign(header: header, payload: Array("$.02".utf8), key: key) }
        let input = Array("eyJhbGciOiJIUzI1NiIsImI2NCI6ZmFsc2UsImNyaXQiOlsiYjY0Il19.$.02".utf8)
        let signature = try JWSSigner.sign(algorithm: .HS256, signingInput: input, key: key)
        #expect(Base64URL.encode(signature) == "A5dxf2s96_n5FLueVuW1Z_vh161FwXZC4YLPff6dmDY")
    }

    @Test func unencodedCompactRoundTrip() throws {
        let key = try JWSKey.generate(for: .ES256)
        let header: JSONObject = ["alg": "ES256", "b64": false, "crit": ["b64"]]
        let compact = try JWSSigner.sign(header: header, payload: Array("hello-world".utf8), key: key)
        #expect(compact.split(separator: ".")[1] == "hello-world")
        guard case .jws(let token) = try CompactToken.parse(compact) else { Issue.record("not a JWS"); return }
        #expect(token.payload == Array("hello-world".utf8))
        #expect(try JWSVerifier.verify(token, key: key))
        #expect(throws: JOSEError(.invalidHeader, "")) {
            try JWSSigner.sign(header: ["alg": "ES256", "b64": false], payload: Array("x".utf8), key: key)
        }
    }
}

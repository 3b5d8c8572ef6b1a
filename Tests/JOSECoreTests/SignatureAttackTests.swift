import Testing
import JOSECore

/// Attacks refused at the signature layer (RFC 8725 §2–3, CVE-2022-21449, RFC 7518 §3.2–3.4), each its own test.
@Suite struct SignatureAttackTests {
    static let input = Array("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9".utf8)

    /// RFC 8725 §2.1: an attacker MACs a token with the server's RSA public key PEM as the HMAC secret.
    @Test func hs256KeyedWithRSAPublicPEMIsRefused() throws {
        let rsa = try JWSKey.generate(for: .RS256)
        let pem = try rsa.publicPEM()
        let verifierKey = try #require(try KeyLoader.load(Array(pem.utf8)).first)
        // The forged MAC, computed with the PEM text as the secret (bypassing the kit's own guard).
        let forged = Digest.hash(Self.input)  // any 32 bytes: the key must be refused before any MAC is computed
        #expect(throws: JOSEError(.keyMismatch, "")) {
            try JWSVerifier.verify(algorithm: .HS256, signingInput: Self.input, signature: forged, key: verifierKey)
        }
        // And the PEM text cannot be turned into an HMAC key by accident.
        #expect(throws: JOSEError(.keyMismatch, "")) { try JWSKey.hmac(secret: Array(pem.utf8)) }
        #expect(throws: JOSEError(.keyMismatch, "")) { try JWSKey.hmac(secret: Array(JSONValue.object(rsa.publicJWK).compact.utf8)) }
    }

    @Test func derEncodedECDSASignatureIsFalse() throws {
        for algorithm in [JWSAlgorithm.ES256, .ES384, .ES512, .ES256K] {
            let key = try JWSKey.generate(for: algorithm)
            let raw = try JWSSigner.sign(algorithm: algorithm, signingInput: Self.input, key: key)
            #expect(try JWSVerifier.verify(algorithm: algorithm, signingInput: Self.input, signature: raw, key: key))
            let der = TestDER.ecdsaDER(raw)
            #expect(try !JWSVerifier.verify(algorithm: algorithm, signingInput: Self.input, signature: der, key: key), "\(algorithm)")
        }
    }

    /// CVE-2022-21449 "psychic signatures": r = s = 0 (and r = s = n) must never verify.
    @Test(arguments: [JWSAlgorithm.ES256, .ES384, .ES512, .ES256K])
    func psychicSignatureIsFalse(algorithm: JWSAlgorithm) throws {
        let key = try JWSKey.generate(for: algorithm)
        let length = try #require(algorithm.fixedSignatureLength)
        #expect(try !JWSVerifier.verify(algorithm: algorithm, signingInput: Self.input, signature: [UInt8](repeating: 0, count: length), key: key))
        #expect(try !JWSVerifier.verify(algorithm: algorithm, signingInput: [], signature: [UInt8](repeating: 0, count: length), key: key))
        #expect(try !JWSVerifier.verify(algorithm: algorithm, signingInput: Self.input, signature: [UInt8](repeating: 0xFF, count: length), key: key))
    }

    @Test func wrongLengthSignaturesAreFalse() throws {
        for algorithm in [JWSAlgorithm.ES256, .RS256, .PS256, .EdDSA, .Ed448, .HS256] {
            let key = try JWSKey.generate(for: algorithm)
            let signature = try JWSSigner.sign(algorithm: algorithm, signingInput: Self.input, key: key)
            #expect(try !JWSVerifier.verify(algorithm: algorithm, signingInput: Self.input, signature: Array(signature.dropLast()), key: key))
            #expect(try !JWSVerifier.verify(algorithm: algorithm, signingInput: Self.input, signature: signature + [0], key: key))
            #expect(try !JWSVerifier.verify(algorithm: algorithm, signingInput: Self.input, signature: [0] + signature, key: key))
            #expect(try !JWSVerifier.verify(algorithm: algorithm, signingInput: Self.input, signature: [], key: key))
        }
    }

    /// RFC 7518 §3.3: "A key of size 2048 bits or larger MUST be used with these algorithms."
    @Test func rsa1024IsRefused() throws {
        let cli = try OpenSSLCLI()
        defer { cli.cleanUp() }
        try cli.run(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024", "-out", "k.pem"])
        let key = try #require(try KeyLoader.load(try cli.read("k.pem")).first)
        #expect(key.type == .rsa(bits: 1024))
        for algorithm in [JWSAlgorithm.RS256, .PS256] {
            do {
                _ = try JWSVerifier.verify(algorithm: algorithm, signingInput: Self.input, signature: [UInt8](repeating: 1, count: 128), key: key)
                Issue.record("RSA 1024 accepted for \(algorithm)")
            } catch {
                #expect(error.code == .invalidKey)
                #expect(error.message.contains("RFC 7518 §3.3"))
            }
            #expect(throws: JOSEError(.invalidKey, "")) { try JWSSigner.sign(algorithm: algorithm, signingInput: Self.input, key: key) }
        }
    }

    /// RFC 7518 §3.2: "A key of the same size as the hash output … or larger MUST be used."
    @Test(arguments: [(JWSAlgorithm.HS256, 31), (.HS384, 47), (.HS512, 63), (.HS512, 32)])
    func shortHMACKeyIsRefused(algorithm: JWSAlgorithm, length: Int) throws {
        let key = try JWSKey.hmac(secret: [UInt8](repeating: 0x42, count: length))
        do {
            _ = try JWSVerifier.verify(algorithm: algorithm, signingInput: Self.input, signature: [UInt8](repeating: 0, count: algorithm.hashLength), key: key)
            Issue.record("short key accepted")
        } catch {
            #expect(error.code == .invalidKey)
            #expect(error.message.contains("RFC 7518 §3.2"))
        }
        #expect(!key.compatibleAlgorithms.contains(algorithm))
    }

    @Test func algNoneIsUnsupported() throws {
        let key = try JWSKey.hmac(secret: [UInt8](repeating: 1, count: 32))
        #expect(throws: JOSEError(.unsupportedAlgorithm, "")) { try JWSVerifier.verify(algorithm: .none, signingInput: Self.input, signature: [], key: key) }
        #expect(throws: JOSEError(.unsupportedAlgorithm, "")) { try JWSSigner.sign(algorithm: .none, signingInput: Self.input, key: key) }
        for spelling in ["none", "None", "NONE", "nOnE"] {
            let header = Base64URL.encode(Array(#"{"alg":"\#(spelling)"}"#.utf8))
            // Exact "none" needs an empty signature segment (RFC 7518 §3.6); other spellings parse with one.
            let signature = spelling == "none" ? "" : "AAAA"
            guard case .jws(let token) = try CompactToken.parse(header + ".e30." + signature) else { Issue.record("not a JWS"); continue }
            #expect(throws: JOSEError(.unsupportedAlgorithm, ""), "\(spelling)") { try JWSVerifier.verify(token, key: key) }
        }
    }

    /// The key's type and curve decide, not the header: no ES256K over a P-256 key (which jwt-kit accepted), no
    /// Ed448 name over an Ed25519 key, no RS256 with an EC key, no HMAC with an asymmetric key and vice versa.
    @Test(arguments: [
        (JWSAlgorithm.ES256, JWSAlgorithm.ES256K), (.ES256K, .ES256), (.ES384, .ES256), (.ES256, .ES512),
        (.Ed25519, .Ed448), (.Ed448, .Ed25519), (.ES256, .RS256), (.RS256, .ES256), (.RS256, .EdDSA),
        (.EdDSA, .ES256), (.HS256, .RS256), (.ES256, .HS256),
    ])
    func algorithmMustFitKey(keyFor: JWSAlgorithm, used: JWSAlgorithm) throws {
        let key = try JWSKey.generate(for: keyFor)
        let signature = try JWSSigner.sign(algorithm: keyFor, signingInput: Self.input, key: key)
        #expect(throws: JOSEError(.keyMismatch, "")) { try JWSVerifier.verify(algorithm: used, signingInput: Self.input, signature: signature, key: key) }
        #expect(throws: JOSEError(.keyMismatch, "")) { try JWSSigner.sign(algorithm: used, signingInput: Self.input, key: key) }
    }

    /// RFC 7517 §4.2–4.4: JWK metadata that contradicts the use refuses it.
    @Test(arguments: [
        ("use", .string("enc")), ("key_ops", .array(["encrypt"])), ("key_ops", .array(["sign"])), ("alg", .string("ES384")), ("alg", .string("RS256")),
    ] as [(String, JSONValue)])
    func jwkMetadataIsEnforced(member: String, value: JSONValue) throws {
        let generated = try JWSKey.generate(for: .ES256)
        let key = try KeyLoader.jwk(JSONObject(generated.publicJWK.members + [.init(name: member, value: value)]))
        let signature = try JWSSigner.sign(algorithm: .ES256, signingInput: Self.input, key: generated)
        #expect(throws: JOSEError(.keyMismatch, "")) { try JWSVerifier.verify(algorithm: .ES256, signingInput: Self.input, signature: signature, key: key) }
    }

    /// Signing checks the same metadata with the "sign" operation (RFC 7517 §4.3).
    @Test func signingRespectsKeyOps() throws {
        let jwk = try #require(try JWSKey.generate(for: .ES256).privateJWK)
        let verifyOnly = try KeyLoader.jwk(JSONObject(jwk.members + [.init(name: "key_ops", value: ["verify"])]))
        #expect(throws: JOSEError(.keyMismatch, "")) { try JWSSigner.sign(algorithm: .ES256, signingInput: Self.input, key: verifyOnly) }
        let signer = try KeyLoader.jwk(JSONObject(jwk.members + [.init(name: "key_ops", value: ["sign"])]))
        let signature = try JWSSigner.sign(algorithm: .ES256, signingInput: Self.input, key: signer)
        #expect(try JWSVerifier.verify(algorithm: .ES256, signingInput: Self.input, signature: signature, key: verifyOnly))
    }

    @Test func matchingMetadataIsAccepted() throws {
        let generated = try JWSKey.generate(for: .Ed25519)
        let signature = try JWSSigner.sign(algorithm: .Ed25519, signingInput: Self.input, key: generated)
        for extra: [JSONObject.Member] in [[.init(name: "use", value: "sig")], [.init(name: "key_ops", value: ["verify"])],
                                           [.init(name: "alg", value: "EdDSA")], [.init(name: "alg", value: "Ed25519")]] {
            let key = try KeyLoader.jwk(JSONObject(generated.publicJWK.members + extra))
            #expect(try JWSVerifier.verify(algorithm: .Ed25519, signingInput: Self.input, signature: signature, key: key))
            #expect(try JWSVerifier.verify(algorithm: .EdDSA, signingInput: Self.input, signature: signature, key: key))
        }
    }

    /// An EC JWK whose point is not on the curve is refused at load (invalid-curve attacks).
    @Test func offCurvePointIsRefused() throws {
        var members = try JWSKey.generate(for: .ES256).publicJWK.members
        let index = try #require(members.firstIndex { $0.name == "y" })
        var y = try Base64URL.decode(try #require(members[index].value.stringValue))
        y[31] ^= 1
        members[index] = .init(name: "y", value: .string(Base64URL.encode(y)))
        #expect(throws: JOSEError(.invalidKey, "")) { try KeyLoader.jwk(JSONObject(members)) }
    }

    /// A private JWK whose d does not belong to x/y (EC) or x (OKP) is refused.
    @Test(arguments: [JWSAlgorithm.ES256, .Ed25519])
    func mismatchedPrivateKeyIsRefused(algorithm: JWSAlgorithm) throws {
        let a = try #require(try JWSKey.generate(for: algorithm).privateJWK)
        let b = try #require(try JWSKey.generate(for: algorithm).privateJWK)
        let mixed = JSONObject(a.members.map { $0.name == "d" ? b.members.first { $0.name == "d" }! : $0 })
        #expect(throws: JOSEError(.invalidKey, "")) { try KeyLoader.jwk(mixed) }
    }
}

import JWTTestSupport
import Testing
import JOSECore
@testable import JWTValidation

/// Known attacks on JWT verifiers, each its own test (RFC 8725 §2).
@Suite struct AttackTests {
    static let options = ValidationOptions(now: TokenFactory.now)
    static let claims = #"{"sub":"attacker","exp":1800000000,"scope":"admin"}"#

    /// `alg: none` in any spelling is refused even with a key of every type present.
    @Test(arguments: ["none", "None", "NONE", "nOnE"])
    func algNoneInAnyCase(alg: String) throws {
        // Exactly "none" must have an empty signature (RFC 7518 §3.6); other spellings are unknown algs.
        let signature: [UInt8] = alg == "none" ? [] : [1, 2, 3]
        let token = try TokenFactory.parse(TokenFactory.compact(header: #"{"alg":"\#(alg)","typ":"JWT"}"#, payload: Self.claims, signature: signature))
        let keys = [try JWSKey.hmac(secret: TokenFactory.secret), try JWSKey.generate(for: .RS256)]
        var options = Self.options
        for allowed in [nil, JWSAlgorithm.allCases] {
            options.allowedAlgorithms = allowed
            let report = Validator(options: options).validate(token: token, keys: keys)
            #expect(report.finding("ALG-01")?.status == .fail)
            #expect(report.finding("SIG-01")?.status == .fail)
            #expect(!report.passed)
        }
    }

    /// HS256 "signed" with the bytes of the verifier's RSA public key PEM (the RS256→HS256 confusion).
    @Test func hs256KeyedWithRSAPublicKeyPEM() throws {
        let rsa = try JWSKey.generate(for: .RS256)
        let pem = try rsa.publicPEM()
        let token = try TokenFactory.parse(ForgedHMAC.token(key: Array(pem.utf8), payload: Self.claims))
        // The hand-made HMAC is a real one: it matches libcrypto's for an ordinary secret.
        let ordinary = try JWSKey.hmac(secret: TokenFactory.secret)
        #expect(try JWSSigner.sign(algorithm: .HS256, signingInput: [1, 2, 3], key: ordinary) == ForgedHMAC.sha256(key: TokenFactory.secret, message: [1, 2, 3]))
        let publicKeys = try KeyLoader.load(Array(pem.utf8))
        for allowed in [nil, [JWSAlgorithm.HS256, .RS256]] {
            var options = Self.options
            options.allowedAlgorithms = allowed
            let report = Validator(options: options).validate(token: token, keys: publicKeys)
            #expect(report.finding("ALG-02")?.status == .fail)
            #expect(report.finding("SIG-01")?.status == .fail)
            #expect(!report.passed)
        }
        // And the primitive refuses outright rather than computing an HMAC with public-key bytes.
        #expect(throws: JOSEError(.keyMismatch, "")) { try JWSVerifier.verify(token, key: publicKeys[0]) }
    }

    /// A token carrying its own `jwk` (signed by that key) does not verify with the caller's key.
    @Test func embeddedJWKIsNotTrusted() throws {
        let attacker = try JWSKey.generate(for: .ES256)
        let legit = try JWSKey.generate(for: .ES256, kid: "legit")
        let header: JSONObject = ["alg": "ES256", "jwk": .object(attacker.publicJWK)]
        let token = try TokenFactory.signed(header, claims: Self.claims, key: attacker)
        let publicLegit = try KeyLoader.jwk(legit.publicJWK)
        let report = Validator(options: Self.options).validate(token: token, keys: [publicLegit])
        #expect(report.finding("HKEY-01")?.status == .warn)
        #expect(report.finding("SIG-01")?.status == .fail)
        #expect(!report.passed)
        // Without any key of the caller's: still no verification from the header key.
        #expect(!Validator(options: Self.options).validate(token: token, keys: []).passed)
        // Only an explicit opt-in uses it.
        var allowing = Self.options
        allowing.allowHeaderKeys = true
        #expect(Validator(options: allowing).validate(token: token, keys: []).finding("SIG-01")?.status == .pass)
    }

    /// `kid` holding a path is only ever compared with key ids: no key is found, so it fails closed.
    @Test(arguments: ["../../../../../../etc/passwd", "../../dev/null", "/proc/self/environ", "x' OR '1'='1"])
    func kidPathTraversal(kid: String) throws {
        let forged = try JWSKey.hmac(secret: Array("root:x:0:0:root:/root:/bin/bash-padding-padding".utf8))
        let token = try TokenFactory.signed(["alg": "HS256", "kid": .string(kid)], claims: Self.claims, key: forged)
        let keys = [try JWSKey.hmac(secret: TokenFactory.secret, kid: "k1"), try JWSKey.hmac(secret: Array(repeating: 9, count: 32), kid: "k2")]
        let report = Validator(options: Self.options).validate(token: token, keys: keys)
        #expect(report.finding("SIG-01")?.status == .fail)
        #expect(report.finding("SIG-01")?.message.hasPrefix("no key for kid") == true)
    }

    @Test func unknownCritFailsEvenWithValidSignature() throws {
        let key = try JWSKey.hmac(secret: TokenFactory.secret)
        let token = try TokenFactory.signed(["alg": "HS256", "crit": ["urn:example:policy"], "urn:example:policy": "x"], claims: Self.claims, key: key)
        let report = Validator(options: Self.options).validate(token: token, keys: [key])
        #expect(report.finding("SIG-01")?.status == .pass)
        #expect(report.failedIDs == ["CRIT-01"])
    }

    /// CVE-2022-21449 ("psychic signatures"): r = s = 0 must never verify.
    @Test(arguments: [JWSAlgorithm.ES256, .ES384, .ES512])
    func ecdsaPsychicSignature(alg: JWSAlgorithm) throws {
        let key = try JWSKey.generate(for: alg)
        let token = try TokenFactory.parse(TokenFactory.compact(header: #"{"alg":"\#(alg.rawValue)"}"#, payload: Self.claims,
                                                                signature: [UInt8](repeating: 0, count: alg.fixedSignatureLength!)))
        let report = Validator(options: Self.options).validate(token: token, keys: [key])
        #expect(report.finding("SIG-01")?.status == .fail)
    }

    /// A DER-encoded ECDSA signature of the right key and message is refused (RFC 7518 §3.4 requires raw r‖s).
    @Test func derEncodedECDSASignature() throws {
        let key = try JWSKey.generate(for: .ES256)
        let token = try TokenFactory.signed(["alg": "ES256"], claims: Self.claims, key: key)
        #expect(Validator(options: Self.options).validate(token: token, keys: [key]).passed)
        let der = Self.der(r: Array(token.signature[0..<32]), s: Array(token.signature[32..<64]))
        let input = String(decoding: token.signingInput, as: UTF8.self)
        let derToken = try TokenFactory.parse(input + "." + Base64URL.encode(der))
        let report = Validator(options: Self.options).validate(token: derToken, keys: [key])
        #expect(report.finding("SIG-01")?.status == .fail)
    }

    /// Duplicate member names in the claims make the token malformed (RFC 7519 §4; RFC 8725 §3.? strict parsing).
    @Test func duplicateClaimNames() throws {
        let text = TokenFactory.compact(header: #"{"alg":"HS256"}"#, payload: #"{"sub":"user","sub":"admin"}"#, signature: [1])
        #expect(throws: JOSEError(.invalidJSON, "")) { try CompactToken.parse(text) }
        let header = TokenFactory.compact(header: #"{"alg":"HS256","alg":"none"}"#, payload: "{}", signature: [1])
        #expect(throws: JOSEError(.invalidJSON, "")) { try CompactToken.parse(header) }
    }

    /// An RS256 token whose signature is valid but whose `kid` names a key of another type is not verified with it.
    @Test func kidPointingAtKeyOfAnotherType() throws {
        let rsa = try JWSKey.generate(for: .RS256, kid: "shared")
        let hmac = try JWSKey.hmac(secret: TokenFactory.secret, kid: "shared")
        let token = try TokenFactory.signed(["alg": "HS256", "kid": "shared"], claims: Self.claims, key: hmac)
        let report = Validator(options: Self.options).validate(token: token, keys: [try KeyLoader.jwk(rsa.publicJWK)])
        #expect(report.finding("SIG-01")?.status == .fail)
    }

    static func der(r: [UInt8], s: [UInt8]) -> [UInt8] {
        func integer(_ bytes: [UInt8]) -> [UInt8] {
            var b = Array(bytes.drop { $0 == 0 })
            if b.isEmpty { b = [0] }
            if b[0] >= 0x80 { b.insert(0, at: 0) }
            return [0x02, UInt8(b.count)] + b
        }
        let body = integer(r) + integer(s)
        return [0x30, UInt8(body.count)] + body
    }
}

import Testing
@testable import JOSECore
import JWTTestSupport

/// Wycheproof primitive files (vectors README §1.6) run through `JWSVerifier.verify(algorithm:signingInput:signature:key:)`
/// with the group's public key (JWK, or the SPKI PEM where a group has no JWK). `msg` is the signing input and
/// `sig`/`tag` the decoded signature. Failures name file and tcId.
@Suite struct WycheproofPrimitiveTests {
    static let dir = "wycheproof/testvectors_v1/"

    /// Runs one file: `keyFor` builds the key of a group; `alg` the JWS algorithm.
    static func run(_ file: String, algorithm: JWSAlgorithm, keyMember: String,
                    acceptable: (Int, Bool) -> Void = { _, _ in }) throws -> Int {
        let json = try VectorFolder.json(dir + file)
        var checked = 0
        for group in try json.array("testGroups") {
            let key: JWSKey
            if let jwk = group[keyMember]?.objectValue {
                key = try KeyLoader.jwk(jwk)
            } else {
                key = try #require(try KeyLoader.load(Array(try group.string("publicKeyPem").utf8)).first)
            }
            for test in try group.array("tests") {
                let tcId = try test.int("tcId")
                let comment = (try? test.string("comment")) ?? ""
                let accepted = try JWSVerifier.verify(algorithm: algorithm, signingInput: try test.hex("msg"), signature: try test.hex("sig"), key: key)
                checked += 1
                switch WycheproofResult(rawValue: try test.string("result")) {
                case .valid?: #expect(accepted, "\(file)#\(tcId) \(comment): expected valid")
                case .invalid?: #expect(!accepted, "\(file)#\(tcId) \(comment): expected invalid")
                case .acceptable?: acceptable(tcId, accepted)
                case nil: Issue.record("\(file)#\(tcId): unknown result")
                }
            }
        }
        #expect(checked == (try json.int("numberOfTests")), "\(file): not every test ran")
        return checked
    }

    /// ECDSA P1363 (raw r‖s): exact length, 0 < r, s < n (RFC 7518 §3.4). Groups without `publicKeyJwk` use the PEM.
    @Test(arguments: [
        ("ecdsa_secp256r1_sha256_p1363_test.json", JWSAlgorithm.ES256),
        ("ecdsa_secp384r1_sha384_p1363_test.json", .ES384),
        ("ecdsa_secp521r1_sha512_p1363_test.json", .ES512),
    ])
    func ecdsaP1363(file: String, algorithm: JWSAlgorithm) throws {
        #expect(try Self.run(file, algorithm: algorithm, keyMember: "publicKeyJwk") > 0)
    }

    /// RSASSA-PKCS1-v1_5 (RS*). The groups with e = 3 (flag `SmallPublicKey`: tcId 258/259) are valid and pass:
    /// RFC 7518 sets no exponent floor and RFC 8017 §3.1 allows e = 3, so this kit accepts e ≥ 3 (e = 1 is refused).
    /// `acceptable` (flag `MissingNull`: DigestInfo without the NULL parameter): libcrypto re-encodes the DigestInfo
    /// and compares the whole EM, so this kit rejects it; asserted.
    @Test(arguments: [
        ("rsa_signature_2048_sha256_test.json", JWSAlgorithm.RS256),
        ("rsa_signature_3072_sha256_test.json", .RS256),
        ("rsa_signature_4096_sha256_test.json", .RS256),
        ("rsa_signature_2048_sha384_test.json", .RS384),
        ("rsa_signature_2048_sha512_test.json", .RS512),
        ("rsa_signature_4096_sha512_test.json", .RS512),
    ])
    func rsaPKCS1(file: String, algorithm: JWSAlgorithm) throws {
        let count = try Self.run(file, algorithm: algorithm, keyMember: "keyJwk") { tcId, accepted in
            #expect(!accepted, "\(file)#\(tcId): acceptable MissingNull DigestInfo should be rejected by a JWS verifier")
        }
        #expect(count > 0)
    }

    /// RSASSA-PSS (PS*): MGF1 with the same hash, salt length = hash length, checked exactly (RFC 7518 §3.5).
    @Test(arguments: [
        ("rsa_pss_2048_sha256_mgf1_32_test.json", JWSAlgorithm.PS256),
        ("rsa_pss_3072_sha256_mgf1_32_test.json", .PS256),
        ("rsa_pss_2048_sha384_mgf1_48_test.json", .PS384),
        ("rsa_pss_4096_sha512_mgf1_64_test.json", .PS512),
    ])
    func rsaPSS(file: String, algorithm: JWSAlgorithm) throws {
        #expect(try Self.run(file, algorithm: algorithm, keyMember: "publicKeyJwk") > 0)
    }

    /// EdDSA (RFC 8037): through the polymorphic `EdDSA` and the RFC 9864 curve name alike.
    @Test(arguments: [
        ("ed25519_test.json", JWSAlgorithm.EdDSA), ("ed25519_test.json", .Ed25519),
        ("ed448_test.json", .EdDSA), ("ed448_test.json", .Ed448),
    ])
    func eddsa(file: String, algorithm: JWSAlgorithm) throws {
        #expect(try Self.run(file, algorithm: algorithm, keyMember: "publicKeyJwk") > 0)
    }

    /// HMAC, full-length tags only (JWS has no truncated tags). Keys at least the hash size go through the public
    /// API; shorter keys (128-bit for SHA-256, …) are valid MACs but refused by the RFC 7518 §3.2 key policy: the test
    /// asserts that refusal, then checks the MAC itself at the primitive layer (`primitiveVerify`).
    @Test(arguments: [
        ("hmac_sha256_test.json", JWSAlgorithm.HS256),
        ("hmac_sha384_test.json", .HS384),
        ("hmac_sha512_test.json", .HS512),
    ])
    func hmac(file: String, algorithm: JWSAlgorithm) throws {
        let json = try VectorFolder.json(Self.dir + file)
        var checked = 0, shortKeyTests = 0
        for group in try json.array("testGroups") where try group.int("tagSize") == algorithm.hashLength * 8 {
            for test in try group.array("tests") {
                let tcId = try test.int("tcId")
                let secret = try test.hex("key"), msg = try test.hex("msg"), tag = try test.hex("tag")
                let expected = try test.string("result") == "valid"
                let accepted: Bool
                if secret.count >= algorithm.hashLength {
                    accepted = try JWSVerifier.verify(algorithm: algorithm, signingInput: msg, signature: tag, key: try JWSKey.hmac(secret: secret))
                } else {
                    shortKeyTests += 1
                    #expect(throws: JOSEError(.invalidKey, "")) {
                        try JWSVerifier.verify(algorithm: algorithm, signingInput: msg, signature: tag, key: try JWSKey.hmac(secret: secret))
                    }
                    accepted = msg.withUnsafeBytes {
                        JWSVerifier.primitiveVerify(algorithm: algorithm, input: $0, signature: tag, material: .symmetric(HMACSecret(secret)))
                    }
                }
                checked += 1
                #expect(accepted == expected, "\(file)#\(tcId): expected \(expected ? "valid" : "invalid")")
            }
        }
        #expect(checked == 87, "\(file): full-tag tests")
        #expect(shortKeyTests == 3)
    }
}

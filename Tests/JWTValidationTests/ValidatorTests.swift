import Testing
import JOSECore
@testable import JWTValidation

@Suite struct ValidatorTests {
    /// Every rule reports; failures do not stop the run.
    @Test func collectsEveryFinding() throws {
        let key = try JWSKey.hmac(secret: TokenFactory.secret)
        let token = try TokenFactory.signed(["alg": "HS256", "typ": "JWT", "crit": ["x"], "x": 1],
                                            claims: #"{"iss":"bad","aud":"other","exp":1600000000,"nbf":1800000000,"iat":1800000000}"#, key: key)
        let options = ValidationOptions(now: TokenFactory.now, issuer: "good", audiences: ["api"], subject: "alice", type: "at+jwt",
                                        requiredClaims: ["jti"], maxLifetime: 60, requiredScopes: ["read"])
        let report = Validator(options: options).validate(token: token, keys: [key])
        let ids = Validator.standardHeaderRules.map(\.id) + ["SIG-01"] + Validator.standardClaimRules.map(\.id)
        #expect(report.findings.map(\.id) == ids)
        #expect(Set(ids).count == ids.count)
        #expect(report.failedIDs == ["CRIT-01", "EXP-01", "NBF-01", "IAT-01", "ISS-01", "AUD-01", "SUB-01", "TYP-01", "REQ-01", "SCOPE-01"])
        #expect(report.finding("SIG-01")?.status == .pass)
        #expect(report.verdict == .fail)
    }

    @Test func passingTokenAndKeyReference() throws {
        let key = try JWSKey.hmac(secret: TokenFactory.secret, kid: "k1")
        let token = try TokenFactory.signed(["alg": "HS256", "kid": "k1"], claims: #"{"sub":"a","exp":1700000600,"scope":"read"}"#, key: key)
        let report = Validator(options: ValidationOptions(now: TokenFactory.now, requiredScopes: ["read"])).validate(token: token, keys: [key])
        #expect(report.passed)
        #expect(report.verifiedKeyID == "k1")
        #expect(report.verifiedKeyThumbprint == key.thumbprint)
        #expect(report.findings.allSatisfy { $0.status != .fail })
    }

    /// Key choice: kid match first; a kid no key has falls back only to kid-less keys; never to other kids.
    @Test func keySelectionByKid() throws {
        let a = try JWSKey.hmac(secret: Array(repeating: 1, count: 32), kid: "a")
        let b = try JWSKey.hmac(secret: Array(repeating: 2, count: 32), kid: "b")
        let bare = try JWSKey.hmac(secret: Array(repeating: 3, count: 32))
        let rsa = try JWSKey.generate(for: .RS256, kid: "a")
        #expect(SignatureRule.candidates(kid: "a", algorithm: .HS256, keys: [a, b, bare, rsa]).map(\.kid) == ["a"])
        #expect(SignatureRule.candidates(kid: "zzz", algorithm: .HS256, keys: [a, b, bare]).map(\.kid) == [nil])
        #expect(SignatureRule.candidates(kid: "zzz", algorithm: .HS256, keys: [a, b]).isEmpty)
        #expect(SignatureRule.candidates(kid: nil, algorithm: .HS256, keys: [a, b, bare, rsa]).count == 3)
        #expect(SignatureRule.candidates(kid: nil, algorithm: .RS256, keys: [a, b, bare, rsa]).map(\.kid) == ["a"])

        let signedByB = try TokenFactory.signed(["alg": "HS256"], claims: #"{"exp":1800000000}"#, key: b)
        let report = Validator(options: ValidationOptions(now: TokenFactory.now)).validate(token: signedByB, keys: [a, b, bare])
        #expect(report.passed)
        #expect(report.verifiedKeyID == "b")
    }

    @Test func noKeyFailsClosed() throws {
        let token = try TokenFactory.unsigned(claims: #"{"exp":1800000000}"#)
        let report = Validator(options: ValidationOptions(now: TokenFactory.now)).validate(token: token, keys: [])
        #expect(report.finding("SIG-01")?.status == .fail)
        #expect(!report.passed)
    }

    @Test func shortHMACKeyIsRefusedWithAReason() throws {
        let short = try JWSKey.hmac(secret: Array("short".utf8))
        let token = try TokenFactory.signed(["alg": "HS256"], claims: #"{"exp":1800000000}"#, key: try JWSKey.hmac(secret: TokenFactory.secret))
        var options = ValidationOptions(now: TokenFactory.now)
        options.allowedAlgorithms = [.HS256]
        let report = Validator(options: options).validate(token: token, keys: [short])
        #expect(report.finding("ALG-02")?.status == .fail)
        #expect(report.finding("SIG-01")?.status == .fail)
    }

    @Test(arguments: JWSAlgorithm.allCases.filter { $0 != .none })
    func everyAlgorithmVerifiesWithItsPublicKey(alg: JWSAlgorithm) throws {
        let key = try JWSKey.generate(for: alg, kid: "k")
        let token = try TokenFactory.signed(["alg": .string(alg.rawValue), "kid": "k"], claims: #"{"exp":1800000000}"#, key: key)
        let verifier = key.privateJWK == nil || { if case .oct = key.type { return true } else { return false } }() ? key : try KeyLoader.jwk(key.publicJWK)
        let report = Validator(options: ValidationOptions(now: TokenFactory.now)).validate(token: token, keys: [verifier])
        #expect(report.passed, "\(report.findings.filter { $0.status == .fail })")
    }
}

import Testing
import JOSECore
@testable import JWTValidation

/// ``Validator/verdict(token:keyRing:)`` runs the same rules as ``Validator/validate(token:keyRing:)`` without
/// formatting messages: the failed and warned ids and the scopes are the full report's, token by token.
@Suite struct VerdictPathTests {
    static let claimSets = [
        #"{"iss":"https://as.example","sub":"u","aud":"api","exp":1700003600,"iat":1699999000,"scope":"read write"}"#,
        #"{"iss":"https://other","aud":["x","api"],"exp":1699990000,"iat":1700090000,"scp":["read"],"roles":"admin"}"#,
        #"{"exp":"1700003600","nbf":1800000000,"scope":["read",7],"sub":5}"#,
        #"{"exp":1e19,"iat":-1}"#,
        #"{}"#,
        #"[1,2]"#,
    ]
    static let headers = [
        #"{"alg":"HS256","typ":"at+jwt"}"#,
        #"{"alg":"HS256","crit":["b64"],"b64":true,"jku":"https://evil.test/k"}"#,
        #"{"alg":"none"}"#,
        #"{"alg":"RS256","kid":"nope"}"#,
    ]
    static let options: [ValidationOptions] = [
        ValidationOptions(now: TokenFactory.now),
        ValidationOptions(now: TokenFactory.now, issuer: "https://as.example", audiences: ["api"], subject: "u", type: "at+jwt",
                          requiredClaims: ["jti"], maxLifetime: 600, profile: .rfc9068, requiredScopes: ["read", "admin"],
                          allowedScopes: ["read"]),
        ValidationOptions(now: TokenFactory.now, allowedAlgorithms: [.RS256], leeway: 0, allowMissingExp: true, allowHeaderKeys: true),
    ]

    @Test(arguments: headers)
    func verdictEqualsTheFullReport(header: String) throws {
        let key = try JWSKey.hmac(secret: TokenFactory.secret)
        let ring = KeyRing([key])
        var compared = 0
        for claims in Self.claimSets {
            // Signed where the HMAC key can sign this header's alg; always with a garbage signature too.
            let signed = try? TokenFactory.signed(TokenFactory.object(header), claims: claims, key: key)
            let unsigned = try TokenFactory.unsigned(header: header, claims: claims)
            for token in [signed, unsigned].compactMap({ $0 }) {
                for options in Self.options {
                    let validator = Validator(options: options)
                    let report = validator.validate(token: token, keyRing: ring)
                    let verdict = validator.verdict(token: token, keyRing: ring)
                    #expect(verdict == ValidationVerdict(report), "\(header) \(claims)")
                    #expect(verdict.passed == report.passed)
                    compared += 1
                }
            }
        }
        #expect(compared >= Self.claimSets.count * Self.options.count)
    }

    /// On the verdict path no message is formatted; the full path formats every one.
    @Test func verdictPathFormatsNoMessage() throws {
        let token = try TokenFactory.unsigned(claims: #"{"exp":1699990000,"iss":"x"}"#)
        let options = ValidationOptions(now: TokenFactory.now, issuer: "y")
        let quiet = ValidationContext(token: token, options: options, keys: [], detail: .verdict)
        let full = ValidationContext(token: token, options: options, keys: [], detail: .full)
        for rule in Validator.standardHeaderRules + Validator.standardClaimRules {
            #expect(rule.evaluate(quiet).message.isEmpty)
            #expect(!rule.evaluate(full).message.isEmpty)
            #expect(rule.evaluate(quiet).status == rule.evaluate(full).status)
        }
    }
}

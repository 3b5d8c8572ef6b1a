import Testing
import JOSECore
@testable import JWTValidation

/// One ``ValidationContext/Run`` (options, caller's keys, allow-list) serves every token of a batch: a token's own
/// header keys (only when allowed) stay in that token's context and never reach the next token's.
@Suite struct ValidationRunTests {
    static let claims = #"{"iss":"https://as.example","sub":"u","aud":"api","exp":1700003600,"iat":1699999000,"scope":"read write"}"#

    @Test(arguments: [false, true])
    func headerKeysStayWithTheirToken(allowHeaderKeys: Bool) throws {
        let caller = try JWSKey.hmac(secret: TokenFactory.secret)
        let attacker = try JWSKey.generate(for: .ES256)
        var options = ValidationOptions(now: TokenFactory.now)
        options.allowHeaderKeys = allowHeaderKeys
        let validator = Validator(options: options)
        let ring = KeyRing([caller])
        let run = validator.run(keyRing: ring)
        let carrying = try TokenFactory.signed(["alg": "ES256", "jwk": .object(attacker.publicJWK)], claims: Self.claims, key: attacker)
        let plain = try TokenFactory.signed(["alg": "HS256"], claims: Self.claims, key: caller)
        // The same run, token after token, in both orders: each verdict equals the full report's for that token.
        for token in [carrying, plain, carrying, plain] {
            #expect(validator.verdict(token: token, run: run) == ValidationVerdict(validator.validate(token: token, keyRing: ring)))
        }
        let withOwnKey = ValidationContext(token: carrying, run: run, detail: .verdict)
        #expect(withOwnKey.keyRing.keys.count == (allowHeaderKeys ? 2 : 1))
        #expect(withOwnKey.allowedAlgorithms.contains(.ES256) == allowHeaderKeys)
        let next = ValidationContext(token: plain, run: run, detail: .verdict)
        #expect(next.keyRing.keys.count == 1)
        #expect(next.allowedAlgorithms == ring.allAlgorithms)
        #expect(!next.allowedAlgorithms.contains(.ES256))
        #expect(validator.verdict(token: carrying, run: run).passed == allowHeaderKeys)
        #expect(validator.verdict(token: plain, run: run).passed)
    }
}

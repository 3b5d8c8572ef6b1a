import Testing
import JOSECore
@testable import JWTValidation

/// alg allow-list, key type, crit, b64, header-named keys.
@Suite struct HeaderRuleTests {
    static let hmac = try! JWSKey.hmac(secret: TokenFactory.secret)

    @Test(arguments: [
        ("HS256", nil as [JWSAlgorithm]?, Finding.Status.pass),
        ("HS512", nil, .pass),                 // 44-byte secret fits HS256 and HS384 only
        ("HS256", [.HS384], .fail),
        ("HS384", [.HS384, .HS256], .pass),
        ("RS256", nil, .fail),
        ("hs256", nil, .fail),                  // names are case-sensitive
        ("XS256", nil, .fail),
    ])
    func allowList(alg: String, allowed: [JWSAlgorithm]?, status: Finding.Status) throws {
        var options = ValidationOptions(now: TokenFactory.now)
        options.allowedAlgorithms = allowed
        let token = try TokenFactory.unsigned(header: #"{"alg":"\#(alg)"}"#, claims: "{}")
        let expected = alg == "HS512" ? Finding.Status.fail : status
        #expect(AlgorithmAllowedRule().evaluate(TokenFactory.context(token, options, keys: [Self.hmac])).status == expected)
    }

    @Test func noKeysAllowNothing() throws {
        let token = try TokenFactory.unsigned(claims: "{}")
        let finding = AlgorithmAllowedRule().evaluate(TokenFactory.context(token))
        #expect(finding.status == .fail)
        #expect(KeyTypeRule().evaluate(TokenFactory.context(token)).status == .fail)
    }

    @Test(arguments: [
        (#"{"alg":"HS256"}"#, Finding.Status.pass),
        (#"{"alg":"HS256","crit":["b64"],"b64":true}"#, .pass),
        (#"{"alg":"HS256","crit":["exp"],"exp":1}"#, .fail),
        (#"{"alg":"HS256","crit":["http://example.invalid/UNDEFINED"],"http://example.invalid/UNDEFINED":true}"#, .fail),
        (#"{"alg":"HS256","crit":["b64"]}"#, .fail),       // listed but absent
    ])
    func crit(header: String, status: Finding.Status) throws {
        #expect(try TokenFactory.evaluate(CriticalHeaderRule(), claims: "{}", header: header).status == status)
    }

    @Test(arguments: [
        (#"{"alg":"HS256"}"#, Finding.Status.pass),
        (#"{"alg":"HS256","b64":true,"crit":["b64"]}"#, .pass),
        (#"{"alg":"HS256","b64":true}"#, .warn),
    ])
    func b64(header: String, status: Finding.Status) throws {
        #expect(try TokenFactory.evaluate(UnencodedPayloadRule(), claims: "{}", header: header).status == status)
    }

    /// RFC 7797 §7: a JWT with `b64: false` is refused even though its signature is valid and `crit` lists `b64`.
    @Test func unencodedPayloadJWTIsRefused() throws {
        let header = Base64URL.encode(Array(#"{"alg":"HS256","b64":false,"crit":["b64"]}"#.utf8))
        let input = Array((header + #".{"sub":"x","exp":1800000000}"#).utf8)
        let signature = try JWSSigner.sign(algorithm: .HS256, signingInput: input, key: Self.hmac)
        let token = try TokenFactory.parse(String(decoding: input, as: UTF8.self) + "." + Base64URL.encode(signature))
        let report = Validator(options: ValidationOptions(now: TokenFactory.now)).validate(token: token, keys: [Self.hmac])
        #expect(report.finding("SIG-01")?.status == .pass)
        #expect(report.finding("CRIT-01")?.status == .pass)
        #expect(report.finding("B64-01")?.status == .fail)
        #expect(report.failedIDs == ["B64-01"])
    }

    @Test(arguments: [
        (#"{"alg":"HS256"}"#, false, Finding.Status.pass),
        (#"{"alg":"HS256","jku":"https://evil/jwks"}"#, false, .warn),
        (#"{"alg":"HS256","x5u":"https://evil/cert"}"#, false, .warn),
        (#"{"alg":"HS256","x5c":["AAAA"]}"#, false, .warn),
        (#"{"alg":"HS256","jwk":{"kty":"oct","k":"AAAA"}}"#, false, .warn),
        (#"{"alg":"HS256","jwk":{"kty":"nope"}}"#, true, .fail),
    ])
    func headerKeys(header: String, allow: Bool, status: Finding.Status) throws {
        var options = ValidationOptions(now: TokenFactory.now)
        options.allowHeaderKeys = allow
        #expect(try TokenFactory.evaluate(HeaderKeyRule(), claims: "{}", header: header, options: options).status == status)
    }
}

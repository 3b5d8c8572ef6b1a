import JOSECore
import Testing
@testable import JWTValidation

/// Issue 10 item 5: findings carry a typed group (callers select by it, not by id prefixes) and a typed setting;
/// rule messages never name a command-line flag (the command layer adds those).
@Suite struct RuleGroupTests {
    static let expectedGroups: [(String, RuleGroup)] = [
        ("ALG-01", .algorithm), ("ALG-02", .signature), ("CRIT-01", .structure), ("B64-01", .structure), ("HKEY-01", .signature),
        ("SIG-01", .signature), ("JWT-01", .structure), ("DATE-01", .structure), ("CLAIM-01", .structure), ("EXP-01", .time),
        ("NBF-01", .time), ("IAT-01", .time), ("LIFE-01", .lifetime), ("ISS-01", .issuer), ("AUD-01", .audience),
        ("SUB-01", .subject), ("TYP-01", .type), ("REQ-01", .requiredClaims), ("PROF-01", .profile), ("SCOPE-03", .scope),
        ("SCOPE-01", .scope), ("SCOPE-02", .scope),
    ]

    /// Every finding of a full run carries its rule's group, and the table covers every standard rule.
    @Test(arguments: expectedGroups)
    func findingCarriesItsRuleGroup(id: String, group: RuleGroup) throws {
        let key = try JWSKey.hmac(secret: TokenFactory.secret)
        let token = try TokenFactory.signed(["alg": "HS256"], claims: #"{"exp":1700000600}"#, key: key)
        let report = Validator(options: ValidationOptions(now: TokenFactory.now)).validate(token: token, keys: [key])
        let finding = try #require(report.finding(id))
        #expect(finding.group == group)
        let rule = (Validator.standardHeaderRules + [SignatureRule()] + Validator.standardClaimRules).first { $0.id == id }
        #expect(rule?.group == group)
    }

    @Test func tableCoversEveryRule() {
        let ids = (Validator.standardHeaderRules + [SignatureRule()] + Validator.standardClaimRules).map(\.id)
        #expect(Set(ids) == Set(Self.expectedGroups.map(\.0)))
        #expect(Set(Self.expectedGroups.map(\.1)) == Set(RuleGroup.allCases))
    }

    /// Options left unset are named by a typed setting; the messages say it in words, never as `--flag`.
    @Test func unsetOptionsAreNamedBySettingNotByFlag() throws {
        let key = try JWSKey.hmac(secret: TokenFactory.secret)
        let token = try TokenFactory.signed(["alg": "HS256", "jwk": ["kty": "oct", "k": "AAAA"]],
                                            claims: #"{"aud":"api","scope":"read"}"#, key: key)
        let report = Validator(options: ValidationOptions(now: TokenFactory.now)).validate(token: token, keys: [key])
        let settings = Dictionary(uniqueKeysWithValues: report.findings.compactMap { f in f.setting.map { (f.id, $0) } })
        #expect(settings == ["EXP-01": .allowMissingExp, "LIFE-01": .maxLifetime, "ISS-01": .issuer, "AUD-01": .audiences,
                             "SUB-01": .subject, "TYP-01": .type, "REQ-01": .requiredClaims, "PROF-01": .profile,
                             "SCOPE-01": .requiredScopes, "SCOPE-02": .allowedScopes])
        #expect(report.finding("EXP-01")?.status == .fail)
        #expect(report.finding("TYP-01")?.message == "no expected typ given")
    }

    /// No rule message, in any state a table of option sets reaches, contains `--` followed by a letter.
    @Test(arguments: [
        ValidationOptions(now: TokenFactory.now),
        ValidationOptions(now: TokenFactory.now, allowMissingExp: true, allowHeaderKeys: true),
        ValidationOptions(now: TokenFactory.now, allowedAlgorithms: [], issuer: "x", audiences: ["y"], subject: "s", type: "at+jwt",
                          requiredClaims: ["jti"], maxLifetime: 10, profile: .rfc9068, requiredScopes: ["admin"], allowedScopes: []),
    ])
    func messagesNameNoFlag(options: ValidationOptions) throws {
        let key = try JWSKey.hmac(secret: TokenFactory.secret)
        let claims = [#"{"aud":"api","scope":"read"}"#, #"{"exp":1700000600,"iat":1699990000,"scope":"read"}"#, #"[1]"#]
        for text in claims {
            let tokens = [
                try TokenFactory.signed(["alg": "HS256"], claims: text, key: key),
                try TokenFactory.signed(["alg": "HS256", "jwk": ["kty": "oct", "k": "AAAA"], "x5u": "https://x.test"], claims: text, key: key),
                try TokenFactory.parse(TokenFactory.compact(header: #"{"alg":"none"}"#, payload: text, signature: [])),
            ]
            for token in tokens {
                for keys in [[key], []] {
                    for finding in Validator(options: options).validate(token: token, keys: keys).findings {
                        #expect(!Self.namesFlag(finding.message), "\(finding)")
                    }
                }
            }
        }
    }

    static func namesFlag(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 3 else { return false }
        for i in 0..<(bytes.count - 2) where bytes[i] == 0x2D && bytes[i + 1] == 0x2D {
            let c = bytes[i + 2] | 0x20
            if c >= 0x61 && c <= 0x7A { return true }
        }
        return false
    }
}

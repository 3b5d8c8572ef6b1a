import Testing
import JOSECore
@testable import JWTValidation

/// Issue 9 items 1, 6 and 11 at the validation level.
@Suite struct LargeNumberRuleTests {
    static let texts = ["1e19", "-1e19", "1e300", "-1e300", "1e400", "9223372036854775807", "-9223372036854775808",
                        "18446744073709551616", "1e16"]

    /// Every rule and the inspection run to the end for huge times in every date claim: no trap, and the token
    /// is refused (DATE-01 names the claim and the year).
    @Test(.bug(id: "9"), arguments: ["exp", "nbf", "iat"], texts)
    func hugeTimesAreFindings(claim: String, text: String) throws {
        let others = ["exp": "1700003600", "nbf": "1699999000", "iat": "1699999000"].filter { $0.key != claim }
        let members = others.map { "\"\($0.key)\":\($0.value)" } + ["\"\(claim)\":\(text)"]
        let payload = "{" + members.joined(separator: ",") + "}"
        let key = try JWSKey.hmac(secret: TokenFactory.secret)
        let token = try TokenFactory.signed(["alg": "HS256"], claims: payload, key: key)
        var options = ValidationOptions(now: TokenFactory.now)
        options.maxLifetime = 3600
        let report = Validator(options: options).validate(token: token, keys: [key])
        #expect(!report.passed, "\(payload)")
        let date = try #require(report.finding("DATE-01"))
        #expect(date.status == .fail, "\(payload): \(date.message)")
        let year = text.hasPrefix("-") ? "before the year 1" : "past the year 9999"
        #expect(date.message.contains("\(claim) \(text) is \(year)"), "\(date.message)")
        // The decode-side inspection says the same as a warning.
        let inspection = TokenInspection(jws: token, now: TokenFactory.now)
        #expect(inspection.warnings.contains { $0.message.contains("\(claim) \(text) is \(year)") }, "\(inspection.warnings)")
    }

    /// Durations in messages are total too (TimeText): a lifetime of 1e300 s is printed, not trapped on.
    @Test func hugeLifetimeMessage() throws {
        let finding = try TokenFactory.evaluate(LifetimeRule(), claims: #"{"iat":-1e300,"exp":1e300}"#,
                                                options: { var o = ValidationOptions(now: TokenFactory.now); o.maxLifetime = 60; return o }())
        #expect(finding.status == .fail)
        #expect(finding.message.contains("e+300 s"), "\(finding.message)")
        #expect(TimeText.seconds(1e19) == "1e+19 s")
        #expect(TimeText.seconds(-9.3e18) == "-9.3e+18 s")
    }
}

/// RFC 7519 §2/§4.1.1: `é` (U+00E9) and `e` + U+0301 are different identifiers.
@Suite struct ExactComparisonRuleTests {
    static let nfc = "caf\u{E9}"
    static let nfd = "cafe\u{301}"

    static func options(_ change: (inout ValidationOptions) -> Void) -> ValidationOptions {
        var options = ValidationOptions(now: TokenFactory.now)
        change(&options)
        return options
    }

    @Test(.bug(id: "9")) func claimsCompareBytes() throws {
        let claims = "{\"iss\":\"\(Self.nfd)\",\"aud\":\"\(Self.nfd)\",\"sub\":\"\(Self.nfd)\",\"exp\":1700003600}"
        #expect(try TokenFactory.evaluate(IssuerRule(), claims: claims, options: Self.options { $0.issuer = Self.nfc }).status == .fail)
        #expect(try TokenFactory.evaluate(AudienceRule(), claims: claims, options: Self.options { $0.audiences = [Self.nfc] }).status == .fail)
        #expect(try TokenFactory.evaluate(SubjectRule(), claims: claims, options: Self.options { $0.subject = Self.nfc }).status == .fail)
        // The same spelling still matches.
        #expect(try TokenFactory.evaluate(IssuerRule(), claims: claims, options: Self.options { $0.issuer = Self.nfd }).status == .pass)
        #expect(try TokenFactory.evaluate(AudienceRule(), claims: claims, options: Self.options { $0.audiences = [Self.nfd] }).status == .pass)
        #expect(try TokenFactory.evaluate(SubjectRule(), claims: claims, options: Self.options { $0.subject = Self.nfd }).status == .pass)
    }

    /// `typ` folds ASCII case only (RFC 7515 §4.1.9).
    @Test(.bug(id: "9")) func typIsASCIICaseInsensitiveOnly() throws {
        let header = "{\"alg\":\"HS256\",\"typ\":\"application/\(Self.nfd)+JWT\"}"
        #expect(try TokenFactory.evaluate(TypeRule(), claims: "{}", header: header, options: Self.options { $0.type = "\(Self.nfc)+jwt" }).status == .fail)
        #expect(try TokenFactory.evaluate(TypeRule(), claims: "{}", header: header, options: Self.options { $0.type = "\(Self.nfd)+jwt" }).status == .pass)
        #expect(try TokenFactory.evaluate(TypeRule(), claims: "{}", header: #"{"alg":"HS256","typ":"AT+JWT"}"#,
                                          options: Self.options { $0.profile = .rfc9068 }).status == .pass)
        #expect(try TokenFactory.evaluate(TypeRule(), claims: "{}", header: "{\"alg\":\"HS256\",\"typ\":\"\u{C9}\"}",
                                          options: Self.options { $0.type = "\u{E9}" }).status == .fail)
    }

    @Test(.bug(id: "9")) func scopesCompareBytes() throws {
        let claims = "{\"scope\":\"\(Self.nfd) read\"}"
        let required = try TokenFactory.evaluate(RequiredScopesRule(), claims: claims, options: Self.options { $0.requiredScopes = [Self.nfc] })
        #expect(required.status == .fail)
        let allowed = try TokenFactory.evaluate(AllowedScopesRule(), claims: claims, options: Self.options { $0.allowedScopes = [Self.nfc, "read"] })
        #expect(allowed.status == .fail)
        let set = ScopeSet(claims: TokenFactory.object("{\"scope\":\"\(Self.nfc) \(Self.nfd)\"}"))
        #expect(set.granted.count == 2)
        #expect(set.missing([Self.nfc]) == [])
        #expect(set.excess([Self.nfc]).map { Array($0.unicodeScalars) } == [Array(Self.nfd.unicodeScalars)])
    }

    /// The key with kid `café` (NFC) is not the key for a token naming `café` (NFD).
    @Test(.bug(id: "9")) func kidSelectionComparesBytes() throws {
        let nfcKey = try JWSKey.generate(for: .ES256, kid: Self.nfc)
        let nfdKey = try JWSKey.generate(for: .ES256, kid: Self.nfd)
        let ring = KeyRing([nfcKey, nfdKey])
        #expect(ring.candidates(kid: Self.nfd, algorithm: .ES256).map(\.thumbprint) == [nfdKey.thumbprint])
        #expect(ring.candidates(kid: Self.nfc, algorithm: .ES256).map(\.thumbprint) == [nfcKey.thumbprint])
        #expect(KeyRing([nfcKey]).candidates(kid: Self.nfd, algorithm: .ES256).isEmpty)
        // Two keys whose kids differ only in normalization do not share a kid.
        #expect(KeyLoader.keySetProblems([nfcKey, nfdKey]).isEmpty)
        let token = try TokenFactory.signed(["alg": "ES256", "kid": .string(Self.nfd)], claims: #"{"exp":1700003600}"#, key: nfcKey)
        let report = Validator(options: ValidationOptions(now: TokenFactory.now)).validate(token: token, keys: [nfcKey])
        #expect(report.finding("SIG-01")?.status == .fail)
    }
}

/// `--allow-header-key` never takes a symmetric key from the token itself (RFC 8725 §3.10).
@Suite struct HeaderKeyHardeningTests {
    @Test(.bug(id: "9")) func octJWKFromTheHeaderIsRefused() throws {
        let secret = TokenFactory.secret
        let key = try JWSKey.hmac(secret: secret)
        let header: JSONObject = ["alg": "HS256", "jwk": ["kty": "oct", "k": .string(Base64URL.encode(secret))]]
        let token = try TokenFactory.signed(header, claims: #"{"exp":1700003600}"#, key: key)
        var options = ValidationOptions(now: TokenFactory.now)
        options.allowHeaderKeys = true
        let report = Validator(options: options).validate(token: token, keys: [])
        #expect(!report.passed)
        #expect(report.finding("SIG-01")?.status == .fail)
        let hkey = try #require(report.finding("HKEY-01"))
        #expect(hkey.status == .fail)
        #expect(hkey.message.contains("symmetric (oct)"), "\(hkey.message)")
        #expect(report.warnings.isEmpty)
    }

    /// A public `jwk` is still usable with the flag, and no x5c warning appears for it.
    @Test func publicJWKStillWorks() throws {
        let key = try JWSKey.generate(for: .ES256)
        let token = try TokenFactory.signed(["alg": "ES256", "jwk": .object(key.publicJWK)], claims: #"{"exp":1700003600}"#, key: key)
        var options = ValidationOptions(now: TokenFactory.now)
        options.allowHeaderKeys = true
        let report = Validator(options: options).validate(token: token, keys: [])
        #expect(report.finding("SIG-01")?.status == .pass)
        #expect(report.warnings.isEmpty)
    }
}

/// An `exp` outside the years 1…9999 fails EXP-01 itself, and decode does not call such a token valid.
@Suite struct OutOfRangeExpirationTests {
    @Test(.bug(id: "9"), arguments: ["1e19", "1e300", "-1e19"])
    func expOutOfRangeFails(text: String) throws {
        let finding = try TokenFactory.evaluate(ExpirationRule(), claims: "{\"exp\":\(text)}")
        #expect(finding.status == .fail)
        #expect(finding.message.hasPrefix("exp \(text) is "), "\(finding.message)")
        let inspection = TokenInspection(jws: try TokenFactory.unsigned(claims: "{\"exp\":\(text)}"), now: TokenFactory.now)
        #expect(inspection.status == .unknown)
    }

    @Test func millisecondsStillWarnOnly() throws {
        let finding = try TokenFactory.evaluate(ExpirationRule(), claims: #"{"exp":1800000000000}"#)
        #expect(finding.status == .pass)
    }
}

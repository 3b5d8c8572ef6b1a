import Testing
import JOSECore
@testable import JWTValidation

/// iss / aud / sub / typ / required claims / RFC 9068 profile.
@Suite struct ClaimRuleTests {
    static func options(_ change: (inout ValidationOptions) -> Void) -> ValidationOptions {
        var options = ValidationOptions(now: TokenFactory.now)
        change(&options)
        return options
    }

    @Test(arguments: [
        (#"{"iss":"https://as.example"}"#, "https://as.example" as String?, Finding.Status.pass),
        (#"{"iss":"https://as.example/"}"#, "https://as.example", .fail),
        (#"{"iss":"https://AS.example"}"#, "https://as.example", .fail),
        (#"{"iss":"https://as.example.evil"}"#, "https://as.example", .fail),
        (#"{"sub":"x"}"#, "https://as.example", .fail),
        (#"{"iss":5}"#, "https://as.example", .fail),
        (#"{"iss":"x"}"#, nil, .skip),
    ])
    func issuer(claims: String, expected: String?, status: Finding.Status) throws {
        let options = Self.options { $0.issuer = expected }
        #expect(try TokenFactory.evaluate(IssuerRule(), claims: claims, options: options).status == status)
    }

    /// Attack table: `aud` matching is whole-string; prefix, suffix, case and URL variants do not match.
    @Test(arguments: [
        (#"{"aud":"api"}"#, ["api"], Finding.Status.pass),
        (#"{"aud":["other","api"]}"#, ["api"], .pass),
        (#"{"aud":"api"}"#, ["web", "api"], .pass),
        (#"{"aud":"api.evil"}"#, ["api"], .fail),
        (#"{"aud":"ap"}"#, ["api"], .fail),
        (#"{"aud":"https://api"}"#, ["api"], .fail),
        (#"{"aud":"api"}"#, ["https://api"], .fail),
        (#"{"aud":"API"}"#, ["api"], .fail),
        (#"{"aud":"api "}"#, ["api"], .fail),
        (#"{"aud":["apiX","Xapi"]}"#, ["api"], .fail),
        (#"{"aud":"https://api.example.com.evil.com"}"#, ["https://api.example.com"], .fail),
        (#"{"aud":[]}"#, ["api"], .fail),
        (#"{"sub":"x"}"#, ["api"], .fail),
        (#"{"aud":5}"#, ["api"], .fail),
        (#"{"aud":"api"}"#, [], .warn),
        (#"{"sub":"x"}"#, [], .skip),
    ])
    func audience(claims: String, expected: [String], status: Finding.Status) throws {
        let options = Self.options { $0.audiences = expected }
        #expect(try TokenFactory.evaluate(AudienceRule(), claims: claims, options: options).status == status)
    }

    @Test(arguments: [
        (#"{"sub":"alice"}"#, "alice" as String?, Finding.Status.pass),
        (#"{"sub":"alice2"}"#, "alice", .fail),
        (#"{"iss":"x"}"#, "alice", .fail),
        (#"{"sub":"alice"}"#, nil, .skip),
    ])
    func subject(claims: String, expected: String?, status: Finding.Status) throws {
        let options = Self.options { $0.subject = expected }
        #expect(try TokenFactory.evaluate(SubjectRule(), claims: claims, options: options).status == status)
    }

    /// RFC 8725 §3.11: case-insensitive, `application/` implied on either side.
    @Test(arguments: [
        (#"{"alg":"HS256","typ":"at+jwt"}"#, "at+jwt", Finding.Status.pass),
        (#"{"alg":"HS256","typ":"AT+JWT"}"#, "at+jwt", .pass),
        (#"{"alg":"HS256","typ":"application/at+jwt"}"#, "at+jwt", .pass),
        (#"{"alg":"HS256","typ":"at+jwt"}"#, "Application/AT+JWT", .pass),
        (#"{"alg":"HS256","typ":"JWT"}"#, "at+jwt", .fail),
        (#"{"alg":"HS256","typ":"application/jwt"}"#, "at+jwt", .fail),
        (#"{"alg":"HS256"}"#, "at+jwt", .fail),
        (#"{"alg":"HS256","typ":"xat+jwt"}"#, "at+jwt", .fail),
    ])
    func type(header: String, expected: String, status: Finding.Status) throws {
        let options = Self.options { $0.type = expected }
        #expect(try TokenFactory.evaluate(TypeRule(), claims: "{}", header: header, options: options).status == status)
    }

    @Test func typeSkipsWithoutExpectation() throws {
        #expect(try TokenFactory.evaluate(TypeRule(), claims: "{}").status == .skip)
    }

    @Test(arguments: [
        (#"{"a":1,"b":null}"#, ["a", "b"], Finding.Status.pass),
        (#"{"a":1}"#, ["a", "b"], .fail),
        (#"{}"#, [], .skip),
    ])
    func requiredClaims(claims: String, required: [String], status: Finding.Status) throws {
        let options = Self.options { $0.requiredClaims = required }
        #expect(try TokenFactory.evaluate(RequiredClaimsRule(), claims: claims, options: options).status == status)
    }

    static let fullAccessToken = #"{"iss":"https://as","exp":1700003600,"aud":"api","sub":"u","client_id":"c","iat":1700000000,"jti":"1"}"#

    @Test func rfc9068ProfilePasses() throws {
        let options = Self.options { $0.profile = .rfc9068 }
        let header = #"{"alg":"HS256","typ":"at+jwt"}"#
        #expect(try TokenFactory.evaluate(AccessTokenProfileRule(), claims: Self.fullAccessToken, header: header, options: options).status == .pass)
        #expect(try TokenFactory.evaluate(TypeRule(), claims: Self.fullAccessToken, header: header, options: options).status == .pass)
    }

    @Test(arguments: AccessTokenProfileRule.requiredClaims)
    func rfc9068ProfileRequires(claim: String) throws {
        var object = TokenFactory.object(Self.fullAccessToken)
        object[claim] = nil
        let options = Self.options { $0.profile = .rfc9068 }
        let finding = try TokenFactory.evaluate(AccessTokenProfileRule(), claims: JSONValue.object(object).compact, header: #"{"alg":"HS256","typ":"at+jwt"}"#, options: options)
        #expect(finding.status == .fail)
        #expect(finding.message.hasSuffix(claim))
    }

    @Test func rfc9068ProfileRequiresAtJwtType() throws {
        let options = Self.options { $0.profile = .rfc9068 }
        #expect(try TokenFactory.evaluate(TypeRule(), claims: Self.fullAccessToken, header: #"{"alg":"HS256","typ":"JWT"}"#, options: options).status == .fail)
    }

    @Test(arguments: [
        (#"{"sub":"a","aud":["x"]}"#, Finding.Status.pass),
        (#"{"sub":1}"#, .fail),
        (#"{"aud":[1]}"#, .fail),
        (#"{"jti":{}}"#, .fail),
    ])
    func claimTypes(claims: String, status: Finding.Status) throws {
        #expect(try TokenFactory.evaluate(ClaimTypesRule(), claims: claims).status == status)
    }

    @Test func nonJSONPayloadFailsClaimsSet() throws {
        let token = try TokenFactory.parse(TokenFactory.compact(header: #"{"alg":"HS256"}"#, payload: "Payload", signature: [1]))
        let report = Validator(options: ValidationOptions(now: TokenFactory.now)).validate(token: token, keys: [])
        #expect(report.finding("JWT-01")?.status == .fail)
        #expect(report.finding("EXP-01")?.status == .skip)
    }
}

import Testing
import JOSECore
import JWTTestSupport
@testable import JWTValidation

/// Public vectors with an injected clock: RFC 7519 §3.1 / RFC 7515 Appendix A, and aws-jwt-verify's fixtures.
@Suite
struct VectorTests {
    static let awsNow: Double = 1_646_356_100   // 2022-03-04T01:08:20Z, just after the fixtures were made

    static func example(_ id: String) throws -> JSONObject {
        let all = try VectorFolder.json("rfc/rfc_jws_examples.json")["examples"]?.arrayValue ?? []
        guard let found = all.first(where: { $0["id"]?.stringValue == id })?.objectValue else { throw JOSEError(.invalidJSON, "no \(id)") }
        return found
    }

    @Test(arguments: ["rfc7519-3.1", "rfc7515-A.2", "rfc7515-A.3"])
    func rfcExamplesVerifyAtTheirTime(id: String) throws {
        let example = try Self.example(id)
        let token = try TokenFactory.parse(example["jws"]!.stringValue!)
        let key = try KeyLoader.jwk(example["key"]!.objectValue!)
        // exp 1300819380 = 2011-03-22T18:43:00Z.
        let before = Validator(options: ValidationOptions(now: 1_300_819_000, issuer: "joe")).validate(token: token, keys: [key])
        #expect(before.passed, "\(before.findings.filter { $0.status == .fail })")
        #expect(before.finding("ISS-01")?.status == .pass)
        let after = Validator(options: ValidationOptions(now: 1_300_819_380 + 61)).validate(token: token, keys: [key])
        #expect(after.failedIDs == ["EXP-01"])
        // One flipped signature byte fails the signature.
        var text = Array(example["jws"]!.stringValue!.utf8)
        let index = text.count - 5
        text[index] = text[index] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        let tampered = try TokenFactory.parse(String(decoding: text, as: UTF8.self))
        #expect(Validator(options: ValidationOptions(now: 1_300_819_000)).validate(token: tampered, keys: [key]).failedIDs == ["SIG-01"])
    }

    @Test(arguments: ["rfc7515-A.5", "rfc7519-6.1"])
    func unsecuredExamplesAreRefused(id: String) throws {
        let token = try TokenFactory.parse(try Self.example(id)["jws"]!.stringValue!)
        let report = Validator(options: ValidationOptions(now: 1_300_819_000)).validate(token: token, keys: [try JWSKey.hmac(secret: TokenFactory.secret)])
        #expect(report.finding("ALG-01")?.status == .fail)
        #expect(report.finding("SIG-01")?.status == .fail)
    }

    static func aws() throws -> (data: JSONValue, keys: [JWSKey]) {
        let data = try VectorFolder.json("fixtures/aws-jwt-verify/token-data.json")
        let jwks = try VectorFolder.json("fixtures/aws-jwt-verify/example-JWKS.json")
        return (data, try KeyLoader.jwkSet(jwks.objectValue!))
    }

    @Test(arguments: [
        ("VALID_TOKEN", [String]()),
        ("EXPIRED_TOKEN", ["EXP-01"]),
        ("NOT_YET_VALID_TOKEN", ["NBF-01"]),
    ])
    func awsFixtures(name: String, failed: [String]) throws {
        let (data, keys) = try Self.aws()
        let token = try TokenFactory.parse(data[name]!.stringValue!)
        let options = ValidationOptions(now: Self.awsNow, issuer: data["ISSUER"]!.stringValue!, audiences: [data["AUDIENCE"]!.stringValue!])
        let report = Validator(options: options).validate(token: token, keys: keys)
        #expect(report.failedIDs == failed)
        #expect(report.finding("SIG-01")?.status == .pass)
        #expect(report.verifiedKeyID == "6fdd042a-14ca-4068-8b54-68a31a46e8bd")
    }

    @Test func awsValidTokenWithWrongAudienceOrIssuer() throws {
        let (data, keys) = try Self.aws()
        let token = try TokenFactory.parse(data["VALID_TOKEN"]!.stringValue!)
        let options = ValidationOptions(now: Self.awsNow, issuer: "https://example.com/", audiences: ["aws-jwt-verify-2", "aws-jwt"])
        #expect(Validator(options: options).validate(token: token, keys: keys).failedIDs == ["ISS-01", "AUD-01"])
    }

    /// Its signature is truncated (not even canonical base64url): the token still parses, the defect is kept, SIG-01
    /// fails whatever the key, and its claims still carry `scp`.
    @Test func microsoftSampleScopes() throws {
        let data = try VectorFolder.json("fixtures/aws-jwt-verify/ms-token-data.json")
        let text = data["MS_INVALID_KID_TOKEN"]!.stringValue!
        let token = try TokenFactory.parse(text)
        #expect(token.signatureDefect?.message.contains("non-canonical base64url") == true)
        let (_, keys) = try Self.aws()
        let report = Validator(options: ValidationOptions(now: Self.awsNow, allowedAlgorithms: [.RS256])).validate(token: token, keys: keys)
        #expect(report.failedIDs.contains("SIG-01"))
        let claims = try token.claims.get().json
        let scopes = ScopeSet(claims: claims)
        #expect(scopes.granted == ["access_as_user"])
        #expect(scopes.sources == ["scp"])
        #expect(scopes.missing(["access_as_user", "access"]) == ["access"])
    }
}

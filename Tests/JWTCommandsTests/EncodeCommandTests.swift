import Testing
import JOSECore
@testable import JWTCommands

@Suite struct EncodeCommandTests {
    static func decode(_ token: String) throws -> (JSONObject, JSONObject) {
        guard case .jws(let jws) = try CompactToken.parse(token), case .success(let claims) = jws.claims else { throw JOSEError(.invalidClaims, "") }
        return (jws.header.json, claims.json)
    }

    @Test func claimsTimesAndHeaders() throws {
        let dir = try TempDir()
        let keys = try KeyFiles(.HS256, in: dir)
        let claimsFile = try dir.write("claims.json", #"{"iss":"https://as","sub":"file","n":1}"#)
        let harness = CommandHarness(now: 1_700_000_000.7)
        let token = try harness.token(["--alg", "HS256", "--secret-file", keys.privatePath, "--claims-file", claimsFile,
                                       "--claim", "sub=alice", "--claim", #"aud=["a","b"]"#, "--claim", "admin=true", "--claim", "note=hello world",
                                       "--exp", "+1h", "--nbf=-5m", "--kid", "k9", "--typ", "at+jwt", "--header", "x-env=\"test\""])
        let (header, claims) = try Self.decode(token)
        #expect(JSONValue.object(header).compact == #"{"alg":"HS256","typ":"at+jwt","kid":"k9","x-env":"test"}"#)
        #expect(JSONValue.object(claims).compact == #"{"iss":"https://as","sub":"alice","n":1,"aud":["a","b"],"admin":true,"note":"hello world","iat":1700000000,"nbf":1699999700,"exp":1700003600}"#)
    }

    @Test(arguments: [
        (["--alg", "none"], "--unsecured"),
        (["--alg", "none", "--unsecured", "--secret-env", "S"], "takes no key"),
        (["--alg", "HS256", "--unsecured", "--secret-env", "S"], "only for --alg none"),
        (["--alg", "HS256"], "exactly one"),
        (["--alg", "RS256", "--secret-env", "S"], "needs a private key"),
        (["--alg", "HS256", "--key", "k.pem"], "is HMAC"),
        (["--alg", "XX1", "--secret-env", "S"], "not a JWS algorithm"),
        (["--alg", "HS256", "--secret-env", "S", "--exp", "tomorrow"], "not a time"),
        (["--alg", "HS256", "--secret-env", "S", "--claim", "novalue"], "NAME=VALUE"),
        (["--alg", "HS256", "--secret-env", "S", "--header", "alg=none"], "set alg with --alg"),
    ])
    func usage(arguments: [String], message: String) throws {
        let harness = CommandHarness()
        harness.variables = ["S": "0123456789abcdef0123456789abcdef"]
        #expect(try harness.encode(arguments) == .usage)
        #expect(harness.err.contains(message), "\(harness.err)")
        #expect(harness.out.isEmpty)
    }

    @Test func unsecuredNeedsTheFlag() throws {
        let harness = CommandHarness()
        let token = try harness.token(["--alg", "none", "--unsecured", "--no-iat", "--claim", "sub=x"])
        #expect(token.hasSuffix("."))
        let (header, claims) = try Self.decode(token)
        #expect(header["alg"]?.stringValue == "none")
        #expect(claims.names == ["sub"])
    }

    @Test func publicKeyCannotSign() throws {
        let dir = try TempDir()
        let keys = try KeyFiles(.ES256, in: dir)
        let harness = CommandHarness()
        #expect(try harness.encode(["--alg", "ES256", "--key", keys.publicPath]) == .malformed)
        #expect(harness.err.contains("no private key"))
        #expect(try harness.encode(["--alg", "ES384", "--key", keys.privatePath]) == .malformed)
    }

    @Test func jwkKeyFileKidIsUsed() throws {
        let dir = try TempDir()
        let key = try JWSKey.generate(for: .ES256, kid: "from-jwk")
        let path = try dir.write("key.jwk", JSONValue.object(key.privateJWK!).compact)
        let harness = CommandHarness()
        let token = try harness.token(["--alg", "ES256", "--key", path])
        #expect(try Self.decode(token).0["kid"]?.stringValue == "from-jwk")
    }
}

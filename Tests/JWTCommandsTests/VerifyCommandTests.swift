import Foundation
import JWTTestSupport
import Testing
import JOSECore
import OAuth2Client
@testable import JWTCommands

@Suite struct VerifyCommandTests {
    static func hmacSetup() throws -> (TempDir, KeyFiles, CommandHarness) {
        let dir = try TempDir()
        return (dir, try KeyFiles(.HS256, in: dir), CommandHarness())
    }

    @Test func humanOutputListsEveryCheckThenClaims() async throws {
        let (_, keys, harness) = try Self.hmacSetup()
        let token = try harness.token(["--alg", "HS256", "--secret-file", keys.privatePath, "--claim", "sub=alice", "--claim", "scope=read", "--exp", "+10m"])
        harness.reset()
        #expect(try await harness.verify([token, "--secret-file", keys.publicPath, "--iss", "https://as", "--scope", "read", "--scope", "admin"]) == .failed)
        let out = harness.out
        #expect(out.contains("✓ ALG-01"))
        #expect(out.contains("✗ ISS-01    no iss claim; expected \"https://as\"  (RFC 7519 §4.1.1)"))
        #expect(out.contains("✗ SCOPE-01  not granted: admin"))
        #expect(out.contains("INVALID  2 checks failed: ISS-01, SCOPE-01  token sha256:"))
        #expect(out.contains("scopes: granted read · missing admin"))
        #expect(out.contains("Claims\n{\n  \"sub\": \"alice\""))
        #expect(!out.contains(token))
        #expect(harness.err.isEmpty)
    }

    @Test func jsonOutputHasFindings() async throws {
        let (_, keys, harness) = try Self.hmacSetup()
        let token = try harness.token(["--alg", "HS256", "--secret-file", keys.privatePath, "--exp", "+10m"])
        harness.reset()
        #expect(try await harness.verify([token, "--secret-file", keys.publicPath, "--json"]) == .ok)
        let json = try JSONParser().parse(harness.out)
        #expect(json["verdict"]?.stringValue == "pass")
        #expect(json["failed"]?.arrayValue == [])
        let ids = json["findings"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
        #expect(ids.contains("SIG-01") && ids.contains("EXP-01"))
        #expect(json["findings"]?.arrayValue?.first?["section"]?.stringValue == "RFC 8725 §3.1")
        #expect(json["token"]?.stringValue == TokenFingerprint.of(token))
    }

    @Test(arguments: [
        (["not.a.token!"], JWTExit.malformed),
        (["abc"], .malformed),
        (["eyJhbGciOiJIUzI1NiJ9.e30"], .malformed),
        (["@/nonexistent/token.txt"], .noInput),
    ])
    func badTokenInput(arguments: [String], exit: JWTExit) async throws {
        let (_, keys, harness) = try Self.hmacSetup()
        #expect(try await harness.verify(arguments + ["--secret-file", keys.publicPath]) == exit)
        #expect(harness.err.hasPrefix("jwt verify: error: "))
    }

    @Test func jweIsMalformedForVerify() async throws {
        let (_, keys, harness) = try Self.hmacSetup()
        let header = Base64URL.encode(Array(#"{"alg":"RSA-OAEP","enc":"A256GCM"}"#.utf8))
        #expect(try await harness.verify([header + ".a.b.c.d", "--secret-file", keys.publicPath]) == .malformed)
        #expect(harness.err.contains("JWE"))
    }

    @Test(arguments: [
        ([String](), "no key"),
        (["--alg", "none", "--secret-env", "S"], "--alg none"),
        (["--alg", "hs256", "--secret-env", "S"], "not a JWS algorithm"),
        (["--secret-env", "S", "--now", "yesterday"], "--now"),
        (["--secret-env", "S", "--profile", "rfc1234"], "--profile"),
        (["--secret-env", "S", "--max-lifetime", "1w"], "--max-lifetime"),
        (["--secret-env", "UNSET_VARIABLE_X"], "UNSET_VARIABLE_X"),
        (["--jwks", "http://example.com/jwks"], "plain http"),
        (["--issuer", "http://as.example.test"], "plain http"),
        (["--issuer", "https://as.example.test/t?x=1"], "query or fragment"),
        (["--issuer", "https://user@as.example.test"], "not an absolute http(s) URL"),
    ])
    func usageErrors(arguments: [String], message: String) async throws {
        let harness = CommandHarness()
        harness.variables = ["S": "0123456789abcdef0123456789abcdef"]
        let transport = RecordingTransport()
        #expect(try await harness.verify(["a.b.c"] + arguments, transport: transport) == .usage)
        #expect(transport.requests.isEmpty, "refused before any request")
        #expect(harness.err.contains(message), "\(harness.err)")
    }

    @Test func missingKeyFileIs66AndBadKeyIs65() async throws {
        let dir = try TempDir()
        let harness = CommandHarness()
        #expect(try await harness.verify(["a.b.c", "--key", dir.path + "/missing.pem"]) == .noInput)
        let token = TokenFixtures.hs256
        let junk = try dir.write("junk.pem", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")
        #expect(try await harness.verify([token, "--key", junk]) == .malformed)
        let notKey = try dir.write("notkey.txt", "hello")
        #expect(try await harness.verify([token, "--key", notKey]) == .malformed)
    }

    /// HS256 keyed with an RSA public key PEM: given as --key it is an RSA key (no HMAC); as a secret it is refused.
    @Test func hs256WithRSAPublicKeyPEM() async throws {
        let dir = try TempDir()
        let rsa = try KeyFiles(.RS256, in: dir)
        let pem = try String(contentsOfFile: rsa.publicPath, encoding: .utf8)
        // `jwt encode` will not take a PEM as an HMAC secret either.
        #expect(try CommandHarness().encode(["--alg", "HS256", "--secret-file", rsa.publicPath]) == .malformed)
        let token = ForgedHMAC.token(key: Array(pem.utf8), payload: #"{"sub":"admin","exp":1800000000}"#)
        let harness = CommandHarness()
        #expect(try await harness.verify([token, "--key", rsa.publicPath]) == .failed)
        #expect(harness.out.contains("✗ ALG-02"))
        #expect(harness.out.contains("✗ SIG-01"))
        #expect(try await harness.verify([token, "--key", rsa.publicPath, "--alg", "HS256"]) == .failed)
        harness.reset()
        #expect(try await harness.verify([token, "--secret-file", rsa.publicPath]) == .malformed)
        #expect(harness.err.contains("holds a PEM block, not a secret"))
    }

    /// `jku` and `x5u` pointing at a loopback listener: no connection is ever made, even with --allow-header-key.
    @Test(arguments: ["jku", "x5u"], [false, true])
    func headerURLIsNeverFetched(parameter: String, allowHeaderKey: Bool) async throws {
        let listener = try ListeningSocket()
        let dir = try TempDir()
        let keys = try KeyFiles(.RS256, in: dir)
        let token = try JWSSigner.sign(header: ["alg": "RS256", .init(stringLiteral: parameter): .string("http://127.0.0.1:\(listener.port)/keys")],
                                       payload: Array(#"{"exp":1800000000}"#.utf8), key: try JWSKey.generate(for: .RS256))
        let harness = CommandHarness()
        let extra = allowHeaderKey ? ["--allow-header-key"] : []
        #expect(try await harness.verify([token, "--key", keys.publicPath] + extra) == .failed)
        #expect(harness.out.contains("! HKEY-01"))
        #expect(harness.out.contains("never fetched"))
        #expect(listener.acceptedConnections() == 0)
    }

    @Test func embeddedJWKIsIgnoredUnlessAllowed() async throws {
        let attacker = try JWSKey.generate(for: .ES256)
        let token = try JWSSigner.sign(header: ["alg": "ES256", "jwk": .object(attacker.publicJWK)],
                                       payload: Array(#"{"sub":"admin","exp":1800000000}"#.utf8), key: attacker)
        let dir = try TempDir()
        let legit = try KeyFiles(.ES256, in: dir)
        let harness = CommandHarness()
        #expect(try await harness.verify([token, "--key", legit.publicPath]) == .failed)
        #expect(harness.out.contains("✗ SIG-01"))
        #expect(try await harness.verify([token, "--allow-header-key"]) == .ok)
    }

    /// `kid` with path traversal is never used as a path: no file is opened but the ones named on the command line.
    @Test func kidPathTraversalIsNeverAPath() async throws {
        let dir = try TempDir()
        let jwks = try dir.write("jwks.json", #"{"keys":[{"kty":"oct","kid":"k1","k":"\#(Base64URL.encode([UInt8](repeating: 5, count: 32)))"}]}"#)
        let passwd = (try? Shell.read("/etc/passwd")) ?? Array("root:x:0:0".utf8)
        for kid in ["../../../../../../etc/passwd", "/etc/passwd", "../../dev/null"] {
            let secret = kid.hasSuffix("null") ? [UInt8](repeating: 0, count: 32) : passwd
            let token = try JWSSigner.sign(header: ["alg": "HS256", "kid": .string(kid)], payload: Array(#"{"exp":1800000000}"#.utf8),
                                           key: try JWSKey.hmac(secret: secret))
            let harness = CommandHarness()
            #expect(try await harness.verify([token, "--jwks", jwks]) == .failed)
            #expect(harness.out.contains("✗ SIG-01    no key for kid"))
            #expect(harness.filesRead == [jwks])
        }
    }

    @Test func unknownCritFails() async throws {
        let (_, keys, harness) = try Self.hmacSetup()
        let token = try harness.token(["--alg", "HS256", "--secret-file", keys.privatePath, "--exp", "+1h",
                                       "--header", #"crit=["urn:x"]"#, "--header", "urn:x=1"])
        harness.reset()
        #expect(try await harness.verify([token, "--secret-file", keys.publicPath]) == .failed)
        #expect(harness.out.contains("✓ SIG-01"))
        #expect(harness.out.contains("✗ CRIT-01"))
    }

    @Test func duplicateClaimNamesAreMalformed() async throws {
        let (_, keys, harness) = try Self.hmacSetup()
        let token = try JWSSigner.sign(header: ["alg": "HS256"], payload: Array(#"{"sub":"user","sub":"admin","exp":1800000000}"#.utf8), key: keys.key)
        #expect(try await harness.verify([token, "--secret-file", keys.publicPath]) == .malformed)
        #expect(harness.err.contains("duplicate member name \"sub\""))
    }

    @Test func expAsStringFails() async throws {
        let (_, keys, harness) = try Self.hmacSetup()
        let token = try harness.token(["--alg", "HS256", "--secret-file", keys.privatePath, "--claim", #"exp="1800000000""#])
        harness.reset()
        #expect(try await harness.verify([token, "--secret-file", keys.publicPath]) == .failed)
        #expect(harness.out.contains("✗ EXP-01"))
        #expect(harness.out.contains("✗ DATE-01"))
    }

    @Test(arguments: [("api.example.com", JWTExit.failed), ("https://api.example.com", .failed), ("api", .ok)])
    func audPrefixTricks(expected: String, exit: JWTExit) async throws {
        let (_, keys, harness) = try Self.hmacSetup()
        let token = try harness.token(["--alg", "HS256", "--secret-file", keys.privatePath, "--exp", "+1h", "--claim", #"aud=["api.example.com.evil","apix","api"]"#])
        harness.reset()
        let code = try await harness.verify([token, "--secret-file", keys.publicPath, "--aud", expected])
        #expect(code == exit, "\(harness.out)")
    }

    @Test func algNoneTokenFails() async throws {
        let harness = CommandHarness()
        harness.variables = ["S": "0123456789abcdef0123456789abcdef"]
        let token = try harness.token(["--alg", "none", "--unsecured", "--exp", "+1h"])
        harness.reset()
        #expect(try await harness.verify([token, "--secret-env", "S"]) == .failed)
        #expect(harness.out.contains("✗ ALG-01"))
    }

    /// aws-jwt-verify fixtures through the command with a fixed --now.
    @Test(arguments: [("VALID_TOKEN", JWTExit.ok), ("EXPIRED_TOKEN", .failed), ("NOT_YET_VALID_TOKEN", .failed)])
    func awsFixtures(name: String, exit: JWTExit) async throws {
        let data = try JSONParser().parse(try VectorFolder.bytes("fixtures/aws-jwt-verify/token-data.json"))
        let harness = CommandHarness()
        let code = try await harness.verify([data[name]!.stringValue!, "--jwks", VectorFolder.path("fixtures/aws-jwt-verify/example-JWKS.json"),
                                       "--now", "2022-03-04T01:08:20Z", "--iss", "https://example.com", "--aud", "aws-jwt-verify"])
        #expect(code == exit, "\(harness.out)")
        #expect(harness.out.contains("✓ SIG-01"))
    }
}

enum TokenFixtures {
    /// An HS256 token (RFC 7515 A.1), its key unknown to the tests that use it.
    static let hs256 = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
}

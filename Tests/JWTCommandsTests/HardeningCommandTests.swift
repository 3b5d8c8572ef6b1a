import Foundation
import Testing
import JOSECore
import JWTTestSupport
import OAuth2Client
@testable import JWTCommands

/// Issue 9 items 5 (verify), 7, 8, 10 and 11 (`--allow-header-key`) through the commands.
@Suite struct HardeningCommandTests {
    static let later = #"{"sub":"admin","iss":"https://evil.test","aud":"https://evil.test","exp":1800000000,"iat":1700000000}"#

    /// RFC 9068 §4: the profile without `--iss` and `--aud` would report VALID for a foreign token.
    @Test(.bug(id: "9"), arguments: [
        ([String](), ["--iss", "--aud"]),
        (["--iss", "https://issuer.test"], ["--aud"]),
        (["--aud", "https://api.test"], ["--iss"]),
        (["--issuer", "https://issuer.test"], ["--aud"]),
    ])
    func profileNeedsIssAndAud(extra: [String], missing: [String]) async throws {
        let token = ForgedHMAC.token(key: Array("irrelevant-secret-0123456789abcdef".utf8), payload: Self.later)
        let harness = CommandHarness()
        #expect(try await harness.verify(["--secret-env", "S", "--profile", "rfc9068", token] + extra) == .usage)
        for flag in missing { #expect(harness.err.contains(flag), "\(harness.err)") }
        #expect(harness.err.contains("RFC 9068 §4"))
        #expect(harness.out.isEmpty)
    }

    @Test func profileWithBothFlagsRuns() async throws {
        let secret = "profile-secret-0123456789abcdef0123"
        let token = ForgedHMAC.token(key: Array(secret.utf8), payload: Self.later, header: #"{"alg":"HS256","typ":"at+jwt"}"#)
        let harness = CommandHarness()
        harness.variables = ["S": secret]
        #expect(try await harness.verify(["--secret-env", "S", "--profile", "rfc9068", "--iss", "https://issuer.test", "--aud", "https://api.test", token]) == .failed)
        #expect(harness.out.contains("✗ ISS-01"))
        #expect(harness.out.contains("✗ AUD-01"))
    }

    /// A BOM (and whitespace) in front of an RSA public key PEM must not turn it into an HMAC secret.
    @Test(.bug(id: "9"), arguments: [
        [UInt8]([0xEF, 0xBB, 0xBF]),
        [0xEF, 0xBB, 0xBF, 0x20, 0x0A, 0xEF, 0xBB, 0xBF],
        Array(" \r\n\t".utf8),
    ])
    func bomDoesNotHideAPEM(prefix: [UInt8]) async throws {
        let dir = try TempDir()
        let rsa = try KeyFiles(.RS256, in: dir)
        let pem = Array(try String(contentsOfFile: rsa.publicPath, encoding: .utf8).utf8)
        let secretFile = try dir.write("bom-secret.pem", prefix + pem)
        let harness = CommandHarness()
        // The forger keyed HS256 with exactly the bytes a naive loader would use (with and without the newline).
        for key in [prefix + pem, prefix + pem.dropLast()] {
            harness.reset()
            let token = ForgedHMAC.token(key: key, payload: Self.later)
            #expect(try await harness.verify([token, "--secret-file", secretFile]) == .malformed)
            #expect(harness.err.contains("holds a PEM block, not a secret"), "\(harness.err)")
            #expect(!harness.out.contains("VALID"))
        }
        harness.reset()
        #expect(try harness.encode(["--alg", "HS256", "--secret-file", secretFile]) == .malformed)
        harness.reset()
        harness.variables = ["S": String(decoding: prefix + pem, as: UTF8.self)]
        #expect(try await harness.verify([ForgedHMAC.token(key: prefix + pem, payload: Self.later), "--secret-env", "S"]) == .malformed)
    }

    /// A JWK or certificate text behind a BOM is refused too.
    @Test(.bug(id: "9")) func bomDoesNotHideAJWK() async throws {
        let dir = try TempDir()
        let key = try JWSKey.generate(for: .ES256, kid: "k")
        let file = try dir.write("bom.jwk", [0xEF, 0xBB, 0xBF] + Array(JSONValue.object(key.publicJWK).compact.utf8))
        let harness = CommandHarness()
        #expect(try await harness.verify([ForgedHMAC.token(key: Array("x".utf8), payload: Self.later), "--secret-file", file]) == .malformed)
        #expect(harness.err.contains("not a secret"))
    }

    /// RFC 7515 §4.1.4: `encode --kid X` with a key set lacking X is an error (65), not a token signed by another key.
    @Test(.bug(id: "9")) func encodeKidMustNameAKeyOfTheSet() async throws {
        let dir = try TempDir()
        let a = try JWSKey.generate(for: .ES256, kid: "a")
        let b = try JWSKey.generate(for: .ES256, kid: "b")
        let set: JSONValue = ["keys": [.object(try #require(a.privateJWK)), .object(try #require(b.privateJWK))]]
        let path = try dir.write("set.jwks", set.compact)
        let harness = CommandHarness()
        #expect(try harness.encode(["--alg", "ES256", "--key", path, "--kid", "c"]) == .malformed)
        #expect(harness.err.contains("no private key with kid c"), "\(harness.err)")
        #expect(harness.out.isEmpty)
        // The named key signs.
        harness.reset()
        let token = try harness.token(["--alg", "ES256", "--key", path, "--kid", "b"])
        guard case .jws(let jws) = try CompactToken.parse(token) else { Issue.record("not a JWS"); return }
        #expect(jws.header.kid == "b")
        #expect(try await JWSVerifier.verify(jws, key: b))
        #expect(try !JWSVerifier.verify(jws, key: a))
        // A PEM has no kid: --kid labels it, as before.
        let pem = try dir.write("a.pem", try #require(try a.privatePEM()))
        harness.reset()
        #expect(try harness.encode(["--alg", "ES256", "--key", pem, "--kid", "label"]) == .ok)
        #expect(EncodeCommand.helpMessage(columns: 10_000).contains("no such key is an error (exit 65)"))
    }

    static func brokenSet(good: JWSKey) -> JSONValue {
        ["keys": [["kty": "RSA", "kid": "broken", "n": "AQAB", "e": "AQAB"], .object(good.publicJWK)]]
    }

    /// RFC 7517 §5: one malformed key is skipped with a warning (kid, reason); the rest verify.
    @Test(.bug(id: "9")) func oneBadKeyInTheSetIsAWarning() async throws {
        let dir = try TempDir()
        let good = try JWSKey.generate(for: .ES256, kid: "good")
        let path = try dir.write("keys.jwks", Self.brokenSet(good: good).compact)
        let token = try JWSSigner.sign(header: ["alg": "ES256", "kid": "good"], payload: Array(#"{"exp":1800000000}"#.utf8), key: good)
        for flag in ["--jwks", "--key"] {
            let harness = CommandHarness()
            #expect(try await harness.verify([token, flag, path]) == .ok, "\(flag): \(harness.err)")
            #expect(harness.out.contains("! warning: --"), "\(harness.out)")
            #expect(harness.out.contains("kid \"broken\""), "\(harness.out)")
            #expect(harness.out.contains("VALID"))
            harness.reset()
            #expect(try await harness.verify([token, flag, path, "--json"]) == .ok)
            let warnings = try JSONParser().parse(harness.out)["warnings"]?.arrayValue?.compactMap(\.stringValue) ?? []
            #expect(warnings.count == 1)
            #expect(warnings.first?.contains("kid \"broken\"") == true, "\(warnings)")
        }
        // Over HTTP too (the transport answers from a table).
        let url = "https://keys.example.test/jwks.json"
        let transport = RecordingTransport.ok([url: Self.brokenSet(good: good).compact])
        let harness = CommandHarness()
        #expect(try await harness.verify([token, "--jwks", url], transport: transport) == .ok, "\(harness.err)")
        #expect(harness.out.contains("kid \"broken\""))
    }

    /// RFC 8414 §3.3: the metadata `issuer` must equal the issuer asked for byte for byte (NFD is not NFC).
    @Test(.bug(id: "9")) func discoveredIssuerComparesBytes() async throws {
        let issuer = "https://as.example/caf\u{E9}"
        let nfd = "https://as.example/cafe\u{301}"
        let metadata: JSONValue = ["issuer": .string(nfd), "jwks_uri": "https://as.example/keys"]
        let transport = RecordingTransport.ok(Dictionary(uniqueKeysWithValues: try KeyDocumentLoader.metadataURLs(issuer: issuer).map { ($0, metadata.compact) }))
        let harness = CommandHarness()
        let token = ForgedHMAC.token(key: Array("x".utf8), payload: Self.later)
        #expect(try await harness.verify([token, "--issuer", issuer], transport: transport) == .malformed, "\(harness.err)")
        #expect(harness.err.contains("exact match"), "\(harness.err)")
    }

    /// `--allow-header-key` refuses a symmetric `jwk` carried by the token itself.
    @Test(.bug(id: "9")) func headerOctKeyIsRefused() async throws {
        let secret = Array("attacker-chosen-secret-0123456789abcdef".utf8)
        let header = "{\"alg\":\"HS256\",\"jwk\":{\"kty\":\"oct\",\"k\":\"\(Base64URL.encode(secret))\"}}"
        let token = ForgedHMAC.token(key: secret, payload: Self.later, header: header)
        let harness = CommandHarness()
        #expect(try await harness.verify([token, "--allow-header-key"]) == .failed)
        #expect(harness.out.contains("✗ HKEY-01"))
        #expect(harness.out.contains("symmetric (oct)"), "\(harness.out)")
        #expect(harness.out.contains("✗ SIG-01"))
    }

    /// An `x5c` certificate is used without chain validation: `--help` says so, and the output warns when it was.
    @Test(.bug(id: "9")) func x5cKeyUseIsAWarning() async throws {
        #expect(VerifyCommand.helpMessage(columns: 10_000).contains("WITHOUT chain validation"))
        let dir = try TempDir()
        let (status, _, err) = try Shell.exec("/usr/bin/openssl", [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", dir.path + "/k.pem",
            "-out", dir.path + "/c.pem", "-subj", "/CN=x5c-test", "-days", "1",
        ])
        try #require(status == 0, "openssl: \(err)")
        let key = try #require(try KeyLoader.load(try Shell.read(dir.path + "/k.pem")).first)
        let certPEM = String(decoding: try Shell.read(dir.path + "/c.pem"), as: UTF8.self)
        let body = certPEM.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        let token = try JWSSigner.sign(header: ["alg": "ES256", "x5c": [.string(body)]], payload: Array(#"{"exp":1800000000}"#.utf8), key: key)
        let harness = CommandHarness()
        #expect(try await harness.verify([token, "--allow-header-key"]) == .ok, "\(harness.out)\(harness.err)")
        #expect(harness.out.contains("without certificate chain validation"), "\(harness.out)")
        harness.reset()
        #expect(try await harness.verify([token, "--allow-header-key", "--json"]) == .ok)
        let warnings = try JSONParser().parse(harness.out)["warnings"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(warnings.contains { $0.contains("without certificate chain validation") }, "\(harness.out)")
        // Without the flag the x5c key is ignored: no key at all is a usage error, as before.
        harness.reset()
        #expect(try await harness.verify([token]) == .usage)
    }
}

import Foundation
import JOSECore
import Testing

/// Issue 11 item 9 through the built binary: a well-formed compact JWS whose signature segment is empty or not
/// canonical base64url is still shown by `decode` (exit 0, a warning names the defect) and is a failed signature
/// check for `verify` (exit 1); a token whose header or claims cannot be read stays malformed input (65).
/// Seed 001's own sample tokens (Tests/Fixtures/seeds) are the ground truth: their `scope` is a JSON array.
@Suite(.serialized) struct OddTokenEndToEndTests {
    static let seedSample = TestPaths.fixtures.appendingPathComponent("seeds/001-sample-token.jwt").path
    static let seedBatch = TestPaths.fixtures.appendingPathComponent("seeds/001-batch-token.jwt").path
    static let sample = TestPaths.fixtures.appendingPathComponent("sample-access-token.jwt").path
    static let sampleKey = TestPaths.fixtures.appendingPathComponent("sample-access-token.jwk.json").path

    /// A fresh RSA public key (no key verifies the seed's tokens; this one only makes RS256 the fitting algorithm).
    static func rsaKeyFile() throws -> String {
        let key = try JWSKey.generate(for: .RS256)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("odd-rsa-\(UUID().uuidString).pem")
        try key.publicPEM().write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    static func b64(_ text: String) -> String { Base64URL.encode(Array(text.utf8)) }

    @Test func decodeShowsSeedSampleDespiteItsSignatureSegment() throws {
        let result = try Harness.runBinary(["decode", "@" + Self.seedSample])
        #expect(result.status == 0, "stderr: \(result.err)")
        #expect(result.out.contains("\"tm.t.r\""))
        #expect(result.out.contains("non-canonical base64url"))
        #expect(result.out.contains("[signature-segment]"))
        let json = try Harness.runBinary(["decode", "--json", "@" + Self.seedSample])
        #expect(json.status == 0)
        let object = try JSONParser().parse(json.out)
        #expect(object["signature"]?["defect"]?.stringValue?.contains("non-zero unused bits") == true)
        #expect(object["warnings"]?.arrayValue?.contains { $0["id"]?.stringValue == "signature-segment" } == true)
    }

    @Test func verifyFailsTheSignatureOfTheSeedSampleAndReadsItsScopeArray() throws {
        let key = try Self.rsaKeyFile()
        defer { try? FileManager.default.removeItem(atPath: key) }
        let result = try Harness.runBinary(["verify", "--json", "@" + Self.seedSample, "--key", key, "--scope", "tm.t.r",
                                            "--now", "1542865000"])
        #expect(result.status == 1, "stderr: \(result.err)")
        let object = try JSONParser().parse(result.out)
        let findings = object["findings"]?.arrayValue ?? []
        func status(_ id: String) -> String? { findings.first { $0["id"]?.stringValue == id }?["status"]?.stringValue }
        #expect(object["failed"]?.arrayValue?.compactMap(\.stringValue) == ["SIG-01"])
        #expect(status("SCOPE-01") == "pass", "the array under scope grants tm.t.r")
        #expect(status("SCOPE-03") == "warn")
    }

    /// Seed 001's batch token names its own key set (`jku`: https://dbde1.localhost:8080/uaa/token_keys): `decode`
    /// shows it, `verify` never fetches it (HKEY-01 warns, RFC 8725 §3.10) and judges the signature with the key
    /// given — it fails, exit 1, never 65.
    @Test func batchTokenJkuIsShownAndNeverFollowed() throws {
        let decoded = try Harness.runBinary(["decode", "--json", "@" + Self.seedBatch])
        #expect(decoded.status == 0, "stderr: \(decoded.err)")
        let object = try JSONParser().parse(decoded.out)
        #expect(object["header"]?["jku"]?.stringValue == "https://dbde1.localhost:8080/uaa/token_keys")
        #expect(object["header"]?["kid"]?.stringValue == "key-id-2")
        #expect(object["claims"]?["scope"]?.arrayValue?.compactMap(\.stringValue) == ["mdsp:core:Admin3rdPartyTechUser"])
        let key = try Self.rsaKeyFile()
        defer { try? FileManager.default.removeItem(atPath: key) }
        let verified = try Harness.runBinary(["verify", "--json", "@" + Self.seedBatch, "--key", key, "--now", "1559053000"])
        #expect(verified.status == 1, "stderr: \(verified.err)")
        let report = try JSONParser().parse(verified.out)
        let findings = report["findings"]?.arrayValue ?? []
        let header = try #require(findings.first { $0["id"]?.stringValue == "HKEY-01" })
        #expect(header["status"]?.stringValue == "warn")
        #expect(header["message"]?.stringValue?.contains("jku never fetched") == true, "\(header)")
        #expect(report["failed"]?.arrayValue?.compactMap(\.stringValue) == ["SIG-01"])
        #expect(findings.first { $0["id"]?.stringValue == "SCOPE-03" }?["status"]?.stringValue == "warn")
    }

    @Test(arguments: [
        ("stripped RS256 signature", "rs256-stripped"),
        ("alg NONE, empty signature", "none-upper"),
        ("non-canonical signature", "noncanonical"),
    ])
    func verifyCallsAnUnusableSignatureAFailedCheck(label: String, kind: String) throws {
        let sample = try String(contentsOfFile: Self.sample, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = sample.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let token: String = switch kind {
        case "rs256-stripped": Self.b64(#"{"alg":"RS256","typ":"at+jwt"}"#) + "." + parts[1] + "."
        case "none-upper": Self.b64(#"{"alg":"NONE"}"#) + "." + parts[1] + "."
        default: parts[0] + "." + parts[1] + "." + String(parts[2].dropLast()) + "B"
        }
        let result = try Harness.runBinary(["verify", "--json", token, "--key", Self.sampleKey, "--now", "2026-11-26T00:00:00Z"])
        #expect(result.status == 1, "\(label): stdout \(result.out) stderr \(result.err)")
        let object = try JSONParser().parse(result.out)
        #expect(object["failed"]?.arrayValue?.compactMap(\.stringValue).contains("SIG-01") == true, "\(label)")
    }

    @Test func unreadableHeaderStaysMalformed() throws {
        let result = try Harness.runBinary(["verify", "e30x.e30.AAAA", "--key", Self.sampleKey])
        #expect(result.status == 65, "stderr: \(result.err)")
    }

    @Test func batchNamesSignatureFailureAndScopeDeviation() throws {
        let key = try Self.rsaKeyFile()
        defer { try? FileManager.default.removeItem(atPath: key) }
        let lines = try String(contentsOfFile: Self.seedSample, encoding: .utf8) + "\n" + String(contentsOfFile: Self.seedBatch, encoding: .utf8) + "\n"
        let result = try Harness.runBinary(["verify", "--batch", "-", "--key", key, "--now", "1542865000"], stdin: lines)
        #expect(result.status == 1)
        let out = result.out.split(separator: "\n").map { try? JSONParser().parse(String($0)) }
        #expect(out.count == 2)
        #expect(out[0]?["verdict"]?.stringValue == "fail")
        #expect(out[0]?["failed"]?.arrayValue?.compactMap(\.stringValue) == ["SIG-01"])
        #expect(out[0]?["warned"]?.arrayValue?.compactMap(\.stringValue).contains("SCOPE-03") == true)
        #expect(out[0]?["scopes"]?.arrayValue?.compactMap(\.stringValue).contains("tm.t.r") == true)
        #expect(!result.out.contains("eyJ"), "no token text in batch output")
    }
}

import Foundation
import JOSECore
import Testing
@testable import JWTCommands

/// `jwt decode` in process: every input path, output mode and exit code.
@Suite struct DecodeCommandTests {
    static let token = Harness.token(
        header: #"{"alg":"RS256","typ":"at+jwt","kid":"k1"}"#,
        payload: #"{"iss":"https://issuer.example","sub":"svc","aud":["api"],"iat":1714561200,"exp":1714647600,"scope":"read write"}"#,
        signature: Array(repeating: 9, count: 256)
    )

    @Test(arguments: [
        [token],
        ["Bearer " + token],
        ["bearer   " + token],
        ["Authorization: Bearer " + token],
        ["  \n" + token + "\n\t"],
    ])
    func acceptsTheTokenAnyWayItIsPasted(arguments: [String]) throws {
        let result = try Harness.decode(arguments + ["--claim", "sub"])
        #expect(result.exit == .ok)
        #expect(result.out == "svc\n")
        #expect(result.err.isEmpty)
    }

    @Test(arguments: [[String](), ["-"]])
    func readsStdin(arguments: [String]) throws {
        let result = try Harness.decode(arguments + ["--claim", "iss"], stdin: "Authorization: Bearer \(Self.token)\n")
        #expect(result.exit == .ok)
        #expect(result.out == "https://issuer.example\n")
    }

    @Test func readsAFile() throws {
        let result = try Harness.decode(["@/tmp/t.jwt", "--claim", "aud"], files: ["/tmp/t.jwt": Self.token + "\n"])
        #expect(result.exit == .ok)
        #expect(result.out == "[\"api\"]\n")
    }

    @Test func missingFileIs66() throws {
        let result = try Harness.decode(["@/nonexistent/t.jwt"])
        #expect(result.exit == .noInput)
        #expect(result.out.isEmpty)
        #expect(result.err.contains("cannot open /nonexistent/t.jwt"))
    }

    @Test func missingClaimIs1() throws {
        let result = try Harness.decode([Self.token, "--claim", "nope"])
        #expect(result.exit == .failed)
        #expect(result.out.isEmpty)
        #expect(result.err.contains("claim \"nope\" is not in the token"))
    }

    @Test(arguments: [
        ("not-a-token", "1 segment"),
        ("a.b", "2 segments"),
        ("eyJhbGciOiJIUzI1NiJ9.e30", "2 segments"),
        ("eyJ=.e30.AAAA", "header: invalid base64url character padding '=' (base64url in JOSE has no padding, RFC 7515 §2) at byte offset 3"),
        ("", "empty input"),
    ])
    func malformedIs65WithNothingOnStdout(input: String, reason: String) throws {
        let result = try Harness.decode([input])
        #expect(result.exit == .malformed)
        #expect(result.out.isEmpty)
        #expect(result.err.contains(reason))
        #expect(result.err.hasPrefix("jwt decode: error: "))
    }

    @Test func malformedWithJSONPrintsOnlyTheErrorObject() throws {
        let result = try Harness.decode(["a.b", "--json"])
        #expect(result.exit == .malformed)
        #expect(result.err.isEmpty)
        let value = try JSONParser().parse(result.out)
        #expect(value["error"]?["code"] == "JOSE-002")
        #expect(value["error"]?["exit_code"] == 65)
        #expect(value["error"]?["message"]?.stringValue?.contains("2 segments") == true)
        #expect(value["header"] == nil)
    }

    @Test func hugeStdinIs65Fast() throws {
        let huge = String(repeating: "A", count: 5_000_000)
        let result = try Harness.decode([], stdin: huge)
        #expect(result.exit == .malformed)
        #expect(result.err.contains("larger than the limit"))
        #expect(result.out.isEmpty)
    }

    @Test func jsonOutputCarriesHeaderClaimsTimesWarnings() throws {
        let result = try Harness.decode([Self.token, "--json"])
        #expect(result.exit == .ok)
        let value = try JSONParser().parse(result.out)
        #expect(value["type"] == "JWS")
        #expect(value["header"]?.objectValue?.names == ["alg", "typ", "kid"])
        #expect(value["claims"]?["scope"] == "read write")
        #expect(value["times"]?["exp"]?["utc"] == "2024-05-02T11:00:00Z")
        #expect(value["times"]?["exp"]?["relative"] == "expires in 23 h")
        #expect(value["times"]?["iat"]?["relative"] == "issued 1 h ago")
        #expect(value["status"]?["state"] == "valid")
        #expect(value["signature"]?["verified"] == false)
        #expect(value["signature"]?["bytes"] == 256)
        #expect(value["warnings"] == [])
    }

    @Test func humanOutputSaysNothingWasVerified() throws {
        let result = try Harness.decode([Self.token])
        #expect(result.exit == .ok)
        #expect(result.out.contains("NOT VERIFIED"))
        #expect(result.out.contains("signature RS256, 256 bytes"))
        #expect(result.out.contains("exp  2024-05-02T11:00:00Z  expires in 23 h"))
        #expect(result.out.contains("Status: valid for 23 h"))
    }

    @Test(arguments: [
        (#"{"alg":"none"}"#, #"{"exp":1714564900}"#, "alg-none"),
        (#"{"alg":"HS256"}"#, #"{"sub":"x"}"#, "no-exp"),
        (#"{"alg":"HS256"}"#, #"{"iat":1714564800,"exp":1714737600}"#, "long-lifetime"),
        (#"{"alg":"HS256","crit":["x-custom"],"x-custom":1}"#, #"{"exp":1714564900}"#, "crit"),
        (#"{"alg":"HS256","jku":"http://127.0.0.1/jwks"}"#, #"{"exp":1714564900}"#, "header-key"),
        (#"{"alg":"HS256","jwk":{"kty":"oct"}}"#, #"{"exp":1714564900}"#, "header-key"),
        (#"{"alg":"HS256","x5u":"http://127.0.0.1/c"}"#, #"{"exp":1714564900}"#, "header-key"),
        (#"{"alg":"HS256"}"#, #"{"exp":1714564800000}"#, "milliseconds"),
        (#"{"alg":"HS256"}"#, #"{"exp":"1714564900"}"#, "claim-type"),
    ])
    func warns(header: String, payload: String, id: String) throws {
        let signature: [UInt8] = header.contains("none") ? [] : [1, 2, 3]
        let result = try Harness.decode([Harness.token(header: header, payload: payload, signature: signature), "--json"])
        #expect(result.exit == .ok)
        let ids = try JSONParser().parse(result.out)["warnings"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
        #expect(ids.contains(id))
    }

    @Test(arguments: [
        (#"{"exp":1714564620}"#, "expired", "expired 3 min ago"),
        (#"{"nbf":1714568400,"exp":1714572000}"#, "not-yet-valid", "not yet valid: starts in 1 h"),
        (#"{"exp":1714651199}"#, "valid", "valid for 23 h 59 min"),
        (#"{"sub":"x"}"#, "valid", "valid with no expiry"),
    ])
    func statusLine(payload: String, state: String, text: String) throws {
        let result = try Harness.decode([Harness.token(header: #"{"alg":"HS256"}"#, payload: payload), "--json"])
        let value = try JSONParser().parse(result.out)
        #expect(value["status"]?["state"]?.stringValue == state)
        #expect(value["status"]?["text"]?.stringValue?.hasPrefix(text) == true)
    }

    @Test func jweIsShownNotDecrypted() throws {
        let header = Base64URL.encode(Array(#"{"alg":"RSA-OAEP","enc":"A256GCM"}"#.utf8))
        let result = try Harness.decode([header + ".AAAA.BBBB.CCCC.DDDD"])
        #expect(result.exit == .ok)
        #expect(result.out.contains("JWE"))
        #expect(result.out.contains("not decrypted"))
        #expect(result.out.contains("\"enc\": \"A256GCM\""))
    }

    @Test func colourOnlyOnATerminal() throws {
        let plain = try Harness.decode([Self.token])
        #expect(!plain.out.contains("\u{1B}["))
        let terminal = try Harness.decode([Self.token], terminal: true)
        #expect(terminal.out.contains("\u{1B}["))
        let noColorEnv = try Harness.decode([Self.token], variables: ["NO_COLOR": "1"], terminal: true)
        #expect(!noColorEnv.out.contains("\u{1B}["))
        let noColorFlag = try Harness.decode([Self.token, "--no-color"], terminal: true)
        #expect(!noColorFlag.out.contains("\u{1B}["))
    }

    @Test func terminalEscapesInAPayloadAreNeutralised() throws {
        let token = Base64URL.encode(Array(#"{"alg":"HS256"}"#.utf8)) + "." + Base64URL.encode(Array("evil\u{1B}]0;pwned\u{07}text".utf8)) + ".AQID"
        let result = try Harness.decode([token])
        #expect(result.exit == .ok)
        #expect(!result.out.contains("\u{1B}"))
        #expect(result.out.contains("evil\\u001b]0;pwned\\u0007text"))
    }

    @Test func nowOverridesTheClock() throws {
        let result = try Harness.decode([Self.token, "--now", "2024-05-03T00:00:00Z", "--json"])
        let value = try JSONParser().parse(result.out)
        #expect(value["status"]?["state"] == "expired")
        #expect(value["now"] == "2024-05-03T00:00:00Z")
    }

    /// main's fast path reads plain invocations exactly as the argument parser does, and leaves the rest to it.
    @Test(arguments: [
        (["decode", "tok"], true), (["decode"], true), (["decode", "-"], true), (["decode", "@f.jwt", "--json"], true),
        (["decode", "--no-color", "tok", "--claim", "sub"], true), (["decode", "--now", "2024-05-01T12:00:00Z", "tok"], true),
        (["decode", "--json", "--claim", "sub", "tok"], false), (["decode", "--now", "yesterday", "tok"], false),
        (["decode", "--help"], false), (["decode", "-h"], false), (["decode", "a", "b"], false), (["decode", "--json", "--json"], false),
        (["decode", "--claim"], false), (["decode", "--claim", "--json"], false), (["decode", "--bogus"], false),
        (["verify", "tok"], false), ([], false),
    ] as [([String], Bool)])
    func fastPathAgreesWithTheArgumentParser(arguments: [String], fast: Bool) throws {
        let options = DecodeOptions.fastParse(arguments)
        #expect((options != nil) == fast)
        if let options {
            let parsed = try DecodeCommand.parse(Array(arguments.dropFirst()))
            #expect(DecodeRunner(options: parsed).options == options)
        }
    }

    @Test(arguments: [["--json", "--claim", "sub"], ["--now", "yesterday"], ["--bogus"]])
    func usageErrors(arguments: [String]) {
        #expect(throws: (any Error).self) { try DecodeCommand.parse([Self.token] + arguments) }
    }
}

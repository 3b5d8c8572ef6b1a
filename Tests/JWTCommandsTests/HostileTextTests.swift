import Foundation
import JOSECore
import JWTTestSupport
import Testing
@testable import JWTCommands

/// Issue 9 item 3: text from a token never reaches stdout or stderr with a raw control character, whatever field
/// carries it and whichever output (decode text/--json, verify text/--json/--batch) shows it.
@Suite struct HostileTextTests {
    /// Terminal controls: SGR (ESC CSI), BEL, the C1 CSI, a bare CR, a line feed that would forge a line, and a
    /// bidi override.
    static let hostile = ["\u{1B}[31m", "\u{7}", "\u{9B}2J", "\r", "\nFORGED line", "\u{202E}evil", "\u{7F}", "a\\u001b"]

    /// Where the hostile text goes: a header and a payload template; `§` becomes the JSON-quoted text, `¤` the raw text.
    static let placements: [(name: String, header: String, payload: String)] = [
        ("header alg", #"{"alg":§,"typ":"JWT"}"#, #"{"sub":"a"}"#),
        ("header kid", #"{"alg":"HS256","kid":§}"#, #"{"sub":"a"}"#),
        ("header typ", #"{"alg":"HS256","typ":§}"#, #"{"sub":"a"}"#),
        ("header cty and jku", #"{"alg":"HS256","cty":§,"jku":§}"#, #"{"sub":"a"}"#),
        ("header member name", #"{"alg":"HS256",§:1}"#, #"{"sub":"a"}"#),
        ("crit entry", #"{"alg":"HS256","crit":[§],§:1}"#, #"{"sub":"a"}"#),
        ("duplicate header member", #"{"alg":"HS256",§:1,§:2}"#, #"{"sub":"a"}"#),
        ("iss sub aud", #"{"alg":"HS256","typ":"JWT"}"#, #"{"iss":§,"sub":§,"aud":[§],"exp":1714568400}"#),
        ("scope", #"{"alg":"HS256"}"#, #"{"scope":§,"scp":[§],"exp":1714568400}"#),
        ("claim name and value", #"{"alg":"HS256"}"#, #"{§:§,"exp":§}"#),
        ("duplicate claim", #"{"alg":"HS256"}"#, #"{§:1,§:2}"#),
        ("not JSON payload", #"{"alg":"HS256"}"#, "text ¤"),
    ]

    static let cases: [(String, Int, Int)] = placements.indices.flatMap { p in hostile.indices.map { (placements[p].name, p, $0) } }

    static func rawControls(_ text: String) -> [String] {
        text.unicodeScalars.filter { $0 != "\n" && ExternalText.needsEscaping($0) }.map { String(format: "U+%04X", $0.value) }
    }

    static func check(_ output: String, _ label: String) {
        #expect(rawControls(output).isEmpty, "\(label): raw control characters \(rawControls(output))")
        #expect(!output.split(separator: "\n").contains { $0.hasPrefix("FORGED") }, "\(label): a forged line")
    }

    @Test(arguments: cases)
    func noRawControlCharacterReachesTheOutput(_ placement: String, _ p: Int, _ h: Int) async throws {
        let quoted = JSONValue.quoted(Self.hostile[h])
        let header = Self.placements[p].header.replacingOccurrences(of: "§", with: quoted)
        let payload = Self.placements[p].payload.replacingOccurrences(of: "§", with: quoted).replacingOccurrences(of: "¤", with: Self.hostile[h])
        let secret = Array("0123456789abcdef0123456789abcdef-hostile-text-secret".utf8)
        let token = ForgedHMAC.token(key: secret, payload: payload, header: header)
        let label = "\(placement) \(JSONValue.quoted(Self.hostile[h]))"

        for flags in [[], ["--json"]] {
            let result = try Harness.decode([token] + flags)
            Self.check(result.out + result.err, "decode \(flags) \(label)")
        }

        let dir = try TempDir()
        let secretPath = try dir.write("secret", secret)
        let rules = ["--secret-file", secretPath, "--iss", "https://as.test", "--aud", "api", "--sub", "bob", "--typ", "at+jwt",
                     "--scope", "read", "--allowed-scope", "read", "--require-claim", "jti"]
        for flags in [[], ["--json"]] {
            let harness = CommandHarness(now: Harness.fixedNow)
            _ = try await harness.verify([token] + rules + flags)
            Self.check(harness.out + harness.err, "verify \(flags) \(label)")
        }
        let harness = CommandHarness(now: Harness.fixedNow)
        _ = try await harness.verify(["--batch", "-"] + rules, stdinLines: Array((token + "\n" + token + "\n").utf8))
        Self.check(harness.out + harness.err, "verify --batch \(label)")
    }

    @Test func decodeShowsTheEscapesInsteadOfTheControls() throws {
        let token = ForgedHMAC.token(key: [1, 2, 3], payload: #"{"sub":"a"}"#, header: #"{"alg":"HS\u001b[31m256","crit":["x\u0007"],"x\u0007":1}"#)
        let result = try Harness.decode([token])
        #expect(result.out.contains(#"signature HS\u001b[31m256"#))
        #expect(result.out.contains(#"crit names "x\u0007""#))
    }

    @Test(arguments: hostile)
    func jweAlgAndEncAreEscaped(_ h: String) throws {
        let header = #"{"alg":§,"enc":§,"kid":§}"#.replacingOccurrences(of: "§", with: JSONValue.quoted(h))
        let token = Base64URL.encode(Array(header.utf8)) + ".AAAA.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA"
        for flags in [[], ["--json"]] {
            let result = try Harness.decode([token] + flags)
            #expect(result.exit == .ok, "\(result.err)")
            Self.check(result.out + result.err, "decode JWE \(flags) \(JSONValue.quoted(h))")
        }
        #expect(try Harness.decode([token]).out.contains("alg \(ExternalText.escaped(h)), enc \(ExternalText.escaped(h))"))
    }

    @Test func aDuplicateMemberNameIsEscapedOnStderr() throws {
        let token = ForgedHMAC.token(key: [1, 2, 3], payload: #"{"sub":"a"}"#, header: #"{"alg":"HS256","\u001b]0;x\u0007":1,"\u001b]0;x\u0007":2}"#)
        let result = try Harness.decode([token])
        #expect(result.exit == .malformed)
        #expect(result.err.contains(#"duplicate member name "\u001b]0;x\u0007""#))
        #expect(Self.rawControls(result.err).isEmpty)
    }

    @Test func claimOutputIsRawForScriptsAndEscapedOnATerminal() throws {
        let token = ForgedHMAC.token(key: [1, 2, 3], payload: #"{"note":"a\u001b[2Jb"}"#)
        #expect(try Harness.decode([token, "--claim", "note"]).out == "a\u{1B}[2Jb\n")
        #expect(try Harness.decode([token, "--claim", "note"], terminal: true).out == "a\\u001b[2Jb\n")
    }
}

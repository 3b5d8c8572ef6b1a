import Testing
import JOSECore
import JWTTestSupport

/// Wycheproof `json_web_key_test.json` (vectors README §1.3): key sets and keys that must be refused. The key is
/// chosen by the token's `kid` from `public` if present, else from `private`; a set with ambiguities
/// (`KeyLoader.keySetProblems`: duplicate kid, oct mixed with public keys) is refused as a whole.
@Suite struct WycheproofJWKTests {
    /// Verdict for one test: nil = accepted, else why it was refused.
    static func refusal(set: JSONObject, jws: String) -> String? {
        let keys: [JWSKey]
        do { keys = try KeyLoader.jwkSet(set) } catch { return "key set: \(error.message)" }
        let problems = KeyLoader.keySetProblems(keys)
        if !problems.isEmpty { return "key set: \(problems.joined(separator: "; "))" }
        guard let parsed = try? CompactToken.parse(jws), case .jws(let token) = parsed else { return "token does not parse" }
        let candidates = keys.filter { $0.kid == token.header.kid }
        guard candidates.count == 1, let key = candidates.first else { return "\(candidates.count) keys match the kid" }
        do {
            return try JWSVerifier.verify(token, key: key) ? nil : "signature does not verify"
        } catch {
            return error.message
        }
    }

    @Test func everyTestMatchesItsResult() throws {
        let file = try VectorFolder.json("wycheproof/testvectors_v1/json_web_key_test.json")
        var checked = 0
        for group in try file.array("testGroups") {
            let set = try group["public"]?.objectValue ?? group.object("private")
            for test in try group.array("tests") {
                let tcId = try test.int("tcId")
                let refusal = Self.refusal(set: set, jws: try test.string("jws"))
                let comment = (try? test.string("comment")) ?? ""
                checked += 1
                switch WycheproofResult(rawValue: try test.string("result")) {
                case .valid?: #expect(refusal == nil, "tcId \(tcId) \(comment): expected valid, refused: \(refusal ?? "")")
                case .invalid?: #expect(refusal != nil, "tcId \(tcId) \(comment): expected invalid, accepted")
                default: Issue.record("tcId \(tcId): unexpected result field")
                }
            }
        }
        #expect(checked == (try file.int("numberOfTests")))
    }

    /// The refusals that matter carry the right reason (not an accidental parse failure).
    @Test(arguments: [
        (1, "mixes"),
        // tcId 4's second key has non-zero unused bits in "k" (strict base64url refuses it before the duplicate kid is
        // seen); duplicate kids are covered by KeyLoaderTests.duplicateKidIsAProblem.
        (4, "base64url"), (6, "use"), (7, "ROCA"), (8, "2048"), (9, "exponent"),
        (10, "RFC 7518 §3.2"), (16, "empty"), (19, "ES521"), (21, "use"), (22, "curve"), (23, "octets"), (25, "A256GCM"),
    ])
    func refusalReason(tcId: Int, fragment: String) throws {
        let file = try VectorFolder.json("wycheproof/testvectors_v1/json_web_key_test.json")
        for group in try file.array("testGroups") {
            for test in try group.array("tests") where try test.int("tcId") == tcId {
                let set = try group["public"]?.objectValue ?? group.object("private")
                let refusal = try #require(Self.refusal(set: set, jws: try test.string("jws")))
                #expect(refusal.contains(fragment), "tcId \(tcId): \(refusal)")
                return
            }
        }
        Issue.record("tcId \(tcId) not found")
    }
}

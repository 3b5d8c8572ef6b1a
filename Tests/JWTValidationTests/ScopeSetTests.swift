import Testing
import JOSECore
@testable import JWTValidation

@Suite struct ScopeSetTests {
    @Test(arguments: [
        (#"{"scope":"read write"}"#, ["read", "write"]),
        (#"{"scope":"  read   write  "}"#, ["read", "write"]),
        (#"{"scp":"access_as_user"}"#, ["access_as_user"]),
        (#"{"scp":["a","b"]}"#, ["a", "b"]),
        (#"{"scopes":["x"],"roles":["admin"]}"#, ["x", "admin"]),
        (#"{"scope":"a b","scp":["b","c"],"roles":["a","d"]}"#, ["a", "b", "c", "d"]),
        (#"{"sub":"x"}"#, []),
        (#"{"scope":"read\twrite"}"#, ["read\twrite"]),
        (#"{"scope":["tm.t.r","dep.ad"]}"#, ["tm.t.r", "dep.ad"]),
        (#"{"scope":["a"],"scp":"b"}"#, ["a", "b"]),
        // A combining mark after a space starts its own scope token; NFD and NFC spellings stay distinct (bytes).
        (#"{"scope":"a \u0301b e\u0301 \u00e9 \u00e9"}"#, ["a", "\u{301}b", "e\u{301}", "\u{e9}"]),
        // Past the linear limit the duplicates are found by a set, with the same result.
        (#"{"scope":""# + (0..<20).map { "s\($0)" }.joined(separator: " ") + #" s3 s0","roles":["s19","x"]}"#,
         (0..<20).map { "s\($0)" } + ["x"]),
    ])
    func extracts(claims: String, granted: [String]) {
        #expect(ScopeSet(claims: TokenFactory.object(claims)).granted == granted)
    }

    /// Missing and excess scopes, by the linear scan (a handful) and by the set (many): the same answers.
    @Test(arguments: [4, 40])
    func missingAndExcessAtAnySize(count: Int) {
        let granted = (0..<count).map { "g\($0)" } + ["e\u{301}"]
        let set = ScopeSet(granted: granted)
        #expect(set.missing(["g0", "\u{e9}", "g\(count - 1)", "none"]) == ["\u{e9}", "none"])
        let allowed = (0..<count).filter { $0 % 2 == 0 }.map { "g\($0)" }
        #expect(set.excess(allowed) == (0..<count).filter { $0 % 2 == 1 }.map { "g\($0)" } + ["e\u{301}"])
    }

    @Test(arguments: [
        (#"{"scope":{"read":true}}"#, "\"scope\" must be a space-separated string, found object"),
        (#"{"scp":5}"#, "\"scp\" must be a string or an array of strings, found number"),
        (#"{"roles":"admin"}"#, "\"roles\" must be an array of strings, found string"),
        (#"{"scopes":["a",1]}"#, "\"scopes\" holds a non-string element; those were ignored"),
    ])
    func reportsBadShapes(claims: String, problem: String) {
        #expect(ScopeSet(claims: TokenFactory.object(claims)).problems == [problem])
    }

    /// Seed 001 and UAA-style issuers send `scope` as a JSON array: read as granted, reported as a deviation, and
    /// SCOPE-03 warns with the RFC reference (RFC 9068 §2.2.3).
    @Test func scopeArrayIsReadAndReportedAsDeviation() throws {
        let set = ScopeSet(claims: TokenFactory.object(#"{"scope":["tm.t.r","dep.ad",7]}"#))
        #expect(set.granted == ["tm.t.r", "dep.ad"])
        #expect(set.deviations == [ScopeSet.scopeArrayDeviation(count: 2)])
        #expect(set.problems == ["\"scope\" holds a non-string element; those were ignored"])
        let token = try TokenFactory.unsigned(claims: #"{"scope":["tm.t.r"]}"#)
        let options = ValidationOptions(now: TokenFactory.now, requiredScopes: ["tm.t.r"], allowedScopes: ["other"])
        let context = TokenFactory.context(token, options)
        #expect(RequiredScopesRule().evaluate(context).status == .pass)
        #expect(AllowedScopesRule().evaluate(context).status == .fail)
        let shape = ScopeClaimsRule().evaluate(context)
        #expect(shape.status == .warn)
        #expect(shape.message.contains("RFC 9068 §2.2.3"))
        #expect(!ScopeSet(claims: TokenFactory.object(#"{"scp":["a"]}"#)).deviations.isEmpty == false)
    }

    /// Exact token match: no prefix, suffix or case tricks (RFC 6749 §3.3).
    @Test(arguments: [
        ("read:all", ["read"], ["read"]),
        ("reader", ["read"], ["read"]),
        ("Read", ["read"], ["read"]),
        ("read", ["read"], []),
        ("read write", ["write", "read"], []),
        ("admin read", ["read", "delete"], ["delete"]),
    ])
    func missingScopes(scope: String, required: [String], missing: [String]) {
        let set = ScopeSet(claims: ["scope": .string(scope)])
        #expect(set.missing(required) == missing)
    }

    @Test func excessScopes() {
        let set = ScopeSet(claims: ["scope": "read write admin"])
        #expect(set.excess(["read", "write"]) == ["admin"])
        #expect(set.excess(["read", "write", "admin"]) == [])
    }

    @Test func scopeRulesReportGrantedMissingExcess() throws {
        let token = try TokenFactory.unsigned(claims: #"{"scope":"read write admin"}"#)
        let options = ValidationOptions(now: TokenFactory.now, requiredScopes: ["read", "delete"], allowedScopes: ["read", "write"])
        let context = TokenFactory.context(token, options)
        let required = RequiredScopesRule().evaluate(context)
        #expect(required.status == .fail)
        #expect(required.message == "not granted: delete")
        let allowed = AllowedScopesRule().evaluate(context)
        #expect(allowed.status == .fail)
        #expect(allowed.message == "granted beyond the allowed set: admin")
        let report = Validator(options: options).validate(token: token, keys: [])
        #expect(report.grantedScopes == ["read", "write", "admin"])
        #expect(report.missingScopes == ["delete"])
        #expect(report.excessScopes == ["admin"])
    }

    @Test func noScopeOptionsSkip() throws {
        let context = TokenFactory.context(try TokenFactory.unsigned(claims: #"{"scope":"a"}"#))
        #expect(RequiredScopesRule().evaluate(context).status == .skip)
        #expect(AllowedScopesRule().evaluate(context).status == .skip)
        #expect(ScopeClaimsRule().evaluate(context).status == .pass)
    }
}

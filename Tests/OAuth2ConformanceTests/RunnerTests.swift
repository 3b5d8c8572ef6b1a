import JOSECore
import OAuth2Conformance
import Testing

let baseSuite = """
name: unit
defaults: {timeout: 5, request_timeout: 2, leeway: 60, concurrency: 4}
endpoints:
  - name: ep
    style: client-secret-basic
    token_url: https://issuer.test/oauth2/token
    client_id: client-1
    client_secret: {env: FAKE_SECRET}
    audience: https://api.test
    scope: read write
    expect:
      issuer: https://issuer.test
      audience: https://api.test
      profile: rfc9068
      algorithms: [ES256]
      keys: {jwks_url: "https://issuer.test/jwks.json"}
      lifetime: {min: 60, max: 7200}
      client_id: client-1
      scopes: {required: [read], allowed: [read, write], forbidden: [admin]}
    api:
      - {method: GET, url: "https://issuer.test/api/resource", status: 200, without_token: true}
    negative: {wrong_secret: true, unsupported_grant: true}

"""

let tenantSuite = """
name: ttm
endpoints:
  - name: tenants
    style: tenant-token-manager
    token_url: https://gateway.test/api/technicaltokenmanager/v3/oauth/token
    client_id: client-1
    client_secret: "${FAKE_SECRET}"
    app_name: app
    app_version: 1.0.0
    host_tenant: host
    user_tenant: host
    expect:
      keys: {jwks_url: "https://gateway.test/jwks.json"}
    tenants:
      batch: [t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12]
      list: true
"""

func loadSuite(_ text: String, extra: String = "") throws -> ConformanceSuite {
    let loader = SuiteLoader(variables: ["FAKE_SECRET": FakeTokenServer.secret]) { path throws(ConformanceError) in
        throw ConformanceError(.unreadableFile, "no files in unit tests: \(path)")
    }
    return try loader.load(text + extra, name: "unit")
}

func run(_ suiteText: String, _ faults: FakeTokenServer.Faults = .init(), extra: String = "") async throws -> EndpointResult {
    let suite = try loadSuite(suiteText, extra: extra)
    let runner = ConformanceRunner(transport: FakeTokenServer(faults: faults), now: { FakeTokenServer.now })
    let result = await runner.run(suite)
    return try #require(result.endpoints.first)
}

func ids(_ e: EndpointResult, _ status: CheckStatus) -> [String] { e.checks.filter { $0.status == status }.map(\.id) }

@Suite struct RunnerTests {
    @Test func everyCheckPassesAgainstAWellBehavedServer() async throws {
        let e = try await run(baseSuite)
        #expect(ids(e, .fail) == [], "\(e.checks.filter { $0.status == .fail })")
        #expect(ids(e, .warn) == [])
        #expect(e.reachable)
        let expected = ["TOK-01", "TOK-02", "TOK-03", "TOK-04", "TOK-05", "TOK-06", "TOK-07", "TOK-08", "JWT-01", "JWT-02", "JWT-03",
                        "JWT-04", "JWT-05", "JWT-06", "JWT-07", "JWT-08", "JWT-09", "JWT-10", "JWT-11", "SCP-01", "SCP-02", "SCP-03",
                        "API-01", "API-02", "NEG-01", "NEG-02", "CLK-01", "CLK-02"]
        #expect(e.checks.map(\.id) == expected)
        #expect(ids(e, .pass) == expected)
        #expect(e.scopeAudit == ScopeAudit(granted: ["read", "write"]))
        // The same 16-digit name as `jwt verify` and the client's logs give the token (issue 10).
        #expect(e.tokenFingerprint?.hasPrefix("sha256:") == true)
        #expect(e.tokenFingerprint?.utf8.count == TokenFingerprint.of("").utf8.count)
    }

    typealias Fault = (name: String, faults: FakeTokenServer.Faults, fail: [String], warn: [String])

    static func faults() -> [Fault] {
        func f(_ change: (inout FakeTokenServer.Faults) -> Void) -> FakeTokenServer.Faults {
            var faults = FakeTokenServer.Faults()
            change(&faults)
            return faults
        }
        return [
            ("unreachable", f { $0.unreachable = true }, ["TOK-01"], []),
            ("HTTP 500", f { $0.status = 500 }, ["TOK-01"], []),
            ("malformed JSON", f { $0.body = "{\"access_token\": " }, ["TOK-02"], []),
            ("text/plain", f { $0.contentType = "text/plain" }, [], ["TOK-02"]),
            ("no access_token", f { $0.body = "{\"token_type\":\"Bearer\",\"expires_in\":3600}" }, ["TOK-03"], []),
            ("wrong token_type", f { $0.tokenType = "mac" }, ["TOK-04"], []),
            ("expires_in missing", f { $0.expiresIn = nil }, [], ["TOK-05"]),
            ("expires_in string", f { $0.expiresIn = "3600" }, [], ["TOK-05"]),
            ("no Cache-Control", f { $0.cacheControl = nil }, [], ["TOK-06"]),
            ("scope narrowed silently", f { $0.scopes = "read" }, [], ["TOK-07"]),
            ("refresh_token", f { $0.refreshToken = true }, [], ["TOK-08"]),
            ("opaque token", f { $0.body = "{\"access_token\":\"opaque-123\",\"token_type\":\"Bearer\",\"expires_in\":3600}" }, ["JWT-01"], []),
            ("alg none", f { $0.alg = "none" }, ["JWT-02", "JWT-04"], []),
            ("typ JWT", f { $0.typ = "JWT" }, ["JWT-03"], []),
            ("unknown key", f { $0.unknownKey = true }, ["JWT-04"], []),
            ("wrong iss", f { $0.issuer = "https://evil.test" }, ["JWT-05"], []),
            ("wrong aud", f { $0.audience = "https://other.test" }, ["JWT-06"], []),
            ("expired", f { $0.iatOffset = -7200 }, ["JWT-07"], ["JWT-08"]),
            ("expires_in disagrees", f { $0.expiresIn = 60 }, [], ["JWT-08"]),
            ("no jti", f { $0.dropClaims = ["jti"] }, ["JWT-09"], []),
            ("other client", f { $0.clientID = "client-2" }, ["JWT-10"], []),
            ("lifetime too long", f { $0.lifetime = 100_000; $0.expiresIn = 100_000 }, ["JWT-11"], []),
            ("scope missing", f { $0.scopes = "write"; $0.scopeMember = "write" }, ["SCP-01"], []),
            ("extra scope", f { $0.scopes = "read write delete"; $0.scopeMember = "read write delete" }, ["SCP-02"], []),
            ("forbidden scope", f { $0.scopes = "read write admin"; $0.scopeMember = "read write admin" }, ["SCP-02", "SCP-03"], []),
            ("API refuses", f { $0.apiStatus = 403 }, ["API-01"], []),
            ("no challenge", f { $0.apiChallenge = "" }, ["API-02"], []),
            ("wrong secret code", f { $0.wrongSecretError = "invalid_request" }, ["NEG-01"], []),
            ("bad grant code", f { $0.badGrantError = "invalid_request" }, ["NEG-02"], []),
            ("server clock off", f { $0.dateOffset = 600 }, [], ["CLK-01"]),
            ("iat in the future", f { $0.iatOffset = 600 }, ["JWT-07"], ["JWT-08", "CLK-02"]),
        ]
    }

    @Test(arguments: faults())
    func eachFaultFailsExactlyItsChecks(_ fault: Fault) async throws {
        let e = try await run(baseSuite, fault.faults)
        #expect(ids(e, .fail) == fault.fail, "\(fault.name): \(e.checks.filter { $0.status == .fail }.map { "\($0.id) \($0.actual)" })")
        #expect(ids(e, .warn) == fault.warn, "\(fault.name)")
    }

    /// Issue 11 item 3: `--strict` (here `defaults: {strict: true}`, as the command's flag sets it) turns every
    /// warning of the same fault into a failure, and leaves the essential failures as they are.
    @Test(arguments: faults())
    func eachFaultUnderStrictFailsItsWarningsToo(_ fault: Fault) async throws {
        let strict = baseSuite.replacingOccurrences(of: "concurrency: 4}", with: "concurrency: 4, strict: true}")
        #expect(try loadSuite(strict).defaults.strict)
        let e = try await run(strict, fault.faults)
        let order = CheckCatalogue.all.map(\.id)
        let expected = (fault.fail + fault.warn).sorted { order.firstIndex(of: $0)! < order.firstIndex(of: $1)! }
        #expect(ids(e, .fail) == expected, "\(fault.name): \(e.checks.filter { $0.status == .fail }.map { "\($0.id) \($0.actual)" })")
        #expect(ids(e, .warn) == [], "\(fault.name)")
    }

    @Test func tenantManagerBatchesAndPages() async throws {
        let e = try await run(tenantSuite)
        let batch = try #require(e.checks.first { $0.id == "TTM-01" })
        let paging = try #require(e.checks.first { $0.id == "TTM-02" })
        #expect(batch.status == .pass && batch.actual == "12 tokens in 3 calls")
        #expect(paging.status == .pass && paging.actual == "250 tenants in 3 pages")
    }

    @Test(arguments: [("missing tenant", "TTM-01"), ("repeated pages", "TTM-02")])
    func tenantManagerFaults(_ name: String, _ id: String) async throws {
        var faults = FakeTokenServer.Faults()
        if id == "TTM-01" { faults.tenantsMissing = ["t7"] } else { faults.pagesRepeat = true }
        let e = try await run(tenantSuite, faults)
        #expect(ids(e, .fail) == [id])
    }

    @Test func severityOverrideTurnsAFailureIntoAWarning() async throws {
        var faults = FakeTokenServer.Faults()
        faults.issuer = "https://evil.test"
        let e = try await run(baseSuite, faults, extra: "    severity: {JWT-05: warn}\n")
        #expect(ids(e, .fail) == [])
        #expect(ids(e, .warn) == ["JWT-05"])
    }

    /// An explicit `severity:` wins over the check's kind and over strict: TOK-06 (hygiene) fails without strict
    /// when the endpoint says `fail`, and only warns under strict when it says `warn`; a tolerated deviation
    /// (string `expires_in`) follows the explicit entry too.
    @Test func explicitSeverityWinsOverKindAndStrict() async throws {
        var faults = FakeTokenServer.Faults()
        faults.cacheControl = nil
        faults.expiresIn = "3600"
        let raised = try await run(baseSuite, faults, extra: "    severity: {TOK-06: fail, TOK-05: fail}\n")
        #expect(ids(raised, .fail) == ["TOK-05", "TOK-06"])
        let strict = baseSuite.replacingOccurrences(of: "concurrency: 4}", with: "concurrency: 4, strict: true}")
        let lowered = try await run(strict, faults, extra: "    severity: {TOK-06: warn, TOK-05: info}\n")
        #expect(ids(lowered, .fail) == [])
        #expect(ids(lowered, .warn) == ["TOK-06"])
        #expect(lowered.checks.first { $0.id == "TOK-05" }?.message.hasPrefix("info only") == true)
    }

    @Test func allowListedDeviationIsSkippedWithItsReason() async throws {
        var faults = FakeTokenServer.Faults()
        faults.cacheControl = nil
        let e = try await run(baseSuite, faults, extra: "    allow:\n      - {check: TOK-06, reason: vendor ticket 42}\n")
        #expect(ids(e, .fail) == [])
        let check = try #require(e.checks.first { $0.id == "TOK-06" })
        #expect(check.status == .skip && check.message == "allow-listed: vendor ticket 42")
        #expect(e.checks.last?.id == "ALW-01" && e.checks.last?.status == .pass)
    }

    @Test func staleAllowListEntryIsReported() async throws {
        let e = try await run(baseSuite, extra: "    allow:\n      - {check: TOK-06, reason: vendor ticket 42}\n")
        let stale = try #require(e.checks.first { $0.id == "ALW-01" })
        #expect(stale.status == .warn)
        #expect(stale.actual == "stale (now passing): TOK-06")
    }

    @Test func unreachableEndpointBecomesFailingCasesNotAnAbort() async throws {
        var faults = FakeTokenServer.Faults()
        faults.unreachable = true
        let e = try await run(baseSuite, faults)
        #expect(!e.reachable)
        #expect(e.checks.first?.status == .fail)
        #expect(e.checks.first?.actual == "unreachable: connection refused (OA2-002)")
    }

    @Test func deadlineBoundsASlowEndpoint() async throws {
        var faults = FakeTokenServer.Faults()
        faults.delay = 5
        let e = try await run(baseSuite, faults, extra: "    timeout: 0.2\n")
        #expect(e.checks.first?.status == .fail)
        #expect(e.checks.first?.actual.contains("timed out") == true)
    }
}

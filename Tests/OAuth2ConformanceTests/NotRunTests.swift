import JOSECore
import OAuth2Client
import OAuth2Conformance
import Testing

/// Issue 10 item 5: checks that could not run carry a typed reason from the observation; the judge maps it
/// (a deadline fails the check, anything else is a skip with the reason's text), without reading messages.
@Suite struct NotRunTests {
    static let deadlineActual = "endpoint deadline reached before this check could run"

    static func endpoint() throws -> EndpointConfiguration { try #require(try loadSuite(baseSuite).endpoints.first) }

    /// A real token response from the fake server (an ES256 token signed with its test key).
    static func tokenResponse() async throws -> HTTPTransportResponse {
        try await FakeTokenServer().send(HTTPTransportRequest(method: "POST", url: "https://issuer.test/oauth/token"), timeout: .seconds(2))
    }

    static func judge(_ observation: EndpointObservation) throws -> [String: CheckResult] {
        let result = EndpointJudge().judge(try endpoint(), observation: observation, startedAt: 0, duration: 0)
        return Dictionary(uniqueKeysWithValues: result.checks.map { ($0.id, $0) })
    }

    /// The deadline passed after the token arrived: every later check fails as cut off, including API-02 whose
    /// unauthenticated call was the one not sent (before typed reasons it was skipped as plain "not run").
    @Test func deadlineAfterTheTokenFailsEveryCheckItCutOff() async throws {
        let endpoint = try Self.endpoint()
        var observation = EndpointObservation(token: .response(try await Self.tokenResponse()), receivedAt: FakeTokenServer.now)
        observation.api = [APIObservation(call: try #require(endpoint.api.first), withToken: .response(HTTPTransportResponse(status: 200)))]
        observation.deadlineHit = true
        #expect(observation.stopReason == .deadline)
        let checks = try Self.judge(observation)
        #expect(checks["API-01"]?.status == .pass)
        for id in ["API-02", "NEG-01", "NEG-02"] {
            #expect(checks[id]?.status == .fail, "\(id)")
            #expect(checks[id]?.actual == Self.deadlineActual, "\(id)")
            #expect(checks[id]?.expected == "done within 5 s", "\(id)")
        }
        #expect(checks["TOK-01"]?.status == .pass)
    }

    /// Unreachable: only TOK-01 fails; the rest are skipped with the typed reason (NEG-01/02 used to claim a deadline).
    @Test func unreachableSkipsWithTheReason() throws {
        let observation = EndpointObservation(token: .failed(ExchangeFailure(OAuth2ClientError(.network, "connection refused"))), receivedAt: FakeTokenServer.now)
        #expect(observation.stopReason == .unreachable)
        let checks = try Self.judge(observation)
        #expect(checks.values.filter { $0.status == .fail }.map(\.id) == ["TOK-01"])
        #expect(checks["NEG-01"]?.status == .skip)
        #expect(checks["NEG-01"]?.message == NotRunReason.unreachable.text)
        #expect(checks["TOK-02"]?.message == "no token response")
        #expect(checks["CLK-01"]?.message == "no token response")
        #expect(checks["API-01"]?.message == "no access token")
        #expect(checks["JWT-04"]?.message == "no access token")
    }

    /// A refused token request: its dependants are skipped with the status; the negative checks still ran.
    @Test func refusedTokenRequestSkipsItsDependants() throws {
        let refused = HTTPTransportResponse(status: 401, headers: [HTTPHeaderField("Content-Type", "application/json")], body: Array(#"{"error":"invalid_client"}"#.utf8))
        var observation = EndpointObservation(token: .response(refused), receivedAt: FakeTokenServer.now)
        observation.wrongSecret = .response(refused)
        observation.badGrant = .response(HTTPTransportResponse(status: 400, body: Array(#"{"error":"unsupported_grant_type"}"#.utf8)))
        #expect(observation.stopReason == nil)
        let checks = try Self.judge(observation)
        #expect(checks["TOK-02"]?.status == .skip)
        #expect(checks["TOK-02"]?.message == NotRunReason.tokenRequestFailed(status: 401).text)
        #expect(checks["TOK-02"]?.message == "token request failed with HTTP 401")
        #expect(checks["SCP-01"]?.message == "no access token")
        #expect(checks["NEG-01"]?.status == .pass)
        #expect(checks["NEG-02"]?.status == .pass)
        #expect(checks.values.filter { $0.status == .fail }.map(\.id) == ["TOK-01"])
    }

    /// A step the suite asked for that has no outcome although the probe recorded no stop fails closed (as cut
    /// off), rather than passing silently as a skip.
    @Test func missingStepWithoutARecordedStopFailsClosed() async throws {
        let observation = EndpointObservation(token: .response(try await Self.tokenResponse()), receivedAt: FakeTokenServer.now)
        #expect(observation.stopReason == nil)
        let checks = try Self.judge(observation)
        #expect(checks["NEG-01"]?.status == .fail)
        #expect(checks["NEG-01"]?.actual == Self.deadlineActual)
    }
}

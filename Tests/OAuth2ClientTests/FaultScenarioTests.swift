import JOSECore
import JWTTestSupport
import OAuth2MockServer
import Testing
@testable import OAuth2Client

/// What the client must make of each fault.
enum ExpectedOutcome: Sendable {
    case error(OAuth2ClientError.Code, status: Int?)
    case deviation(TokenResponseDeviation)
    /// A token was issued; the closure judges its header and claims.
    case token(@Sendable (JOSEHeader, JWTClaims, Double) -> Bool)
}

@Suite("Every mock fault reaches the client as a typed outcome within its deadline")
struct FaultScenarioTests {
    static let table: [(MockFault, ExpectedOutcome)] = [
        (.slow, .error(.timeout, status: nil)),
        (.status500, .error(.endpointError, status: 500)),
        (.status503, .error(.endpointError, status: 503)),
        (.status429, .error(.endpointError, status: 429)),
        (.connectionClosed, .error(.network, status: nil)),
        (.malformedJSON, .error(.malformedResponse, status: 200)),
        // Issue 10 item 1: the shared client follows no redirect, so the 302 itself reaches the caller.
        (.redirect, .error(.redirect, status: 302)),
        (.wrongTokenType, .deviation(.tokenTypeNotBearer("mac"))),
        (.expiresInString, .deviation(.expiresInString("3600"))),
        (.expiresInMissing, .deviation(.expiresInMissing)),
        (.noCacheControl, .deviation(.cacheControlMissing)),
        (.expired, .token { _, claims, now in (claims.exp?.seconds ?? .infinity) < now }),
        (.wrongAudience, .token { _, claims, _ in claims.aud == ["https://wrong-audience.mock.invalid"] }),
        (.scopeMissing, .token { _, claims, _ in claims.json["scope"]?.stringValue == "read" }),
        (.extraScope, .token { _, claims, _ in claims.json["scope"]?.stringValue == "read write admin" }),
        (.unknownKey, .token { header, _, _ in header.kid == "unknown-mock-key-1" }),
        (.algNone, .token { header, _, _ in header.alg == "none" }),
        (.scopeArray, .token { _, claims, _ in claims.json["scope"] == .array(["read", "write"]) }),
        // The batch faults spoil only `…/oauthTokens` answers; the token route answers normally.
        (.batchExpired, .token { header, claims, now in header.kid == "mock-key-1" && (claims.exp?.seconds ?? 0) > now }),
        (.batchUnknownKey, .token { header, claims, now in header.kid == "mock-key-1" && (claims.exp?.seconds ?? 0) > now }),
    ]

    @Test func tableCoversEveryFault() {
        #expect(Set(Self.table.map(\.0.rawValue)) == Set(MockFault.allCases.filter { $0 != .none }.map(\.rawValue)))
    }

    @Test(arguments: table.map(\.0.rawValue))
    func faultByHeader(_ name: String) async throws {
        let expected = try #require(Self.table.first { $0.0.rawValue == name }?.1)
        var config = MockConfiguration.demo
        config.slowDelay = .seconds(2)
        // Only the `slow` fault is about the deadline: it gets a short one (the mock waits 2 s). Every other fault
        // gets a deadline far beyond any loaded machine's loopback round trip, so a busy CI runner cannot turn a
        // typed outcome into a timeout.
        let deadline: Duration = name == MockFault.slow.rawValue ? .milliseconds(700) : .seconds(30)
        try await withMockAndHTTP(config, transport: TransportConfiguration(connectTimeout: .seconds(10), totalTimeout: .seconds(40))) { server, http in
            let client = TokenClient(transport: FaultHeaderTransport(base: http, fault: name), timeout: deadline)
            let outcome: Result<TokenResponse, OAuth2ClientError>
            do throws(OAuth2ClientError) {
                outcome = .success(try await client.requestToken(
                    style: JSONClientCredentialsStyle(), endpoint: server.baseURL + "/oauth/token",
                    credentials: ClientCredentials(clientID: "demo-json", secret: Secret("demo-json-secret"))))
            } catch {
                outcome = .failure(error)
            }
            try Self.judge(outcome, expected, fault: name)
        }
    }

    /// The same faults chosen per client in the configuration.
    @Test(arguments: [MockFault.status503, .wrongTokenType, .algNone, .connectionClosed])
    func faultByClientConfiguration(_ fault: MockFault) async throws {
        var config = MockConfiguration.demo
        config.clients.append(.init(clientID: "faulty", secret: "faulty-secret", scopes: ["read", "write"], fault: fault))
        try await withMockAndHTTP(config) { server, http in
            let client = TokenClient(transport: http, timeout: .seconds(30))
            let outcome: Result<TokenResponse, OAuth2ClientError>
            do throws(OAuth2ClientError) {
                outcome = .success(try await client.requestToken(
                    style: ClientSecretPostStyle(scope: "read write"), endpoint: server.baseURL + "/oauth/token",
                    credentials: ClientCredentials(clientID: "faulty", secret: Secret("faulty-secret"))))
            } catch {
                outcome = .failure(error)
            }
            try Self.judge(outcome, try #require(Self.table.first { $0.0 == fault }?.1), fault: fault.rawValue)
        }
    }

    static func judge(_ outcome: Result<TokenResponse, OAuth2ClientError>, _ expected: ExpectedOutcome, fault: String) throws {
        switch (expected, outcome) {
        case (.error(let code, let status), .failure(let error)):
            #expect(error.code == code, "\(fault): \(error)")
            if let status { #expect(error.status == status, "\(fault)") }
        case (.deviation(let deviation), .success(let token)):
            #expect(token.deviations.contains(deviation), "\(fault): \(token.deviations)")
        case (.token(let judge), .success(let token)):
            guard case .jws(let jws) = try CompactToken.parse(token.accessToken.value) else {
                Issue.record("\(fault): not a JWS")
                return
            }
            #expect(judge(jws.header, try jws.claims.get(), SystemClock.now()), "\(fault)")
        case (_, .failure(let error)):
            Issue.record("\(fault): unexpected error \(error)")
        case (_, .success(let token)):
            Issue.record("\(fault): unexpected token, deviations \(token.deviations)")
        }
    }
}

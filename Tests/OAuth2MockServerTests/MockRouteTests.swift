import JOSECore
import JWTTestSupport
import OAuth2Client
import Testing
@testable import OAuth2MockServer

/// Routes over loopback with raw requests, judged as RFC 6749 / RFC 6750 say.
@Suite("Mock routes over loopback")
struct MockRouteTests {
    static func exchange(_ request: HTTPTransportRequest, _ body: (HTTPTransportResponse) throws -> Void = { _ in }) async throws -> HTTPTransportResponse {
        let http = AsyncHTTPTransport()
        do {
            let r = try await http.send(request, timeout: .seconds(5))
            await http.shutdown()
            return r
        } catch {
            await http.shutdown()
            throw error
        }
    }

    static func form(_ url: String, _ body: String, headers: [HTTPHeaderField] = []) -> HTTPTransportRequest {
        HTTPTransportRequest(method: "POST", url: url, headers: [HTTPHeaderField("Content-Type", "application/x-www-form-urlencoded")] + headers, body: Array(body.utf8))
    }

    @Test func badBasicCredentialsGet401WithChallenge() async throws {
        try await MockHarness.withMock { server, _ in
            let r = try await Self.exchange(Self.form(server.baseURL + "/oauth/token", "grant_type=client_credentials",
                                                      headers: [HTTPHeaderField("Authorization", "Basic " + Base64.encode(Array("demo-basic:wrong".utf8)))]))
            #expect(r.status == 401)
            #expect(r.header("WWW-Authenticate")?.hasPrefix("Basic realm=") == true)
            #expect(r.header("Cache-Control") == "no-store")
            #expect(TokenErrorResponse(response: r).error == "invalid_client")
        }
    }

    @Test(arguments: [
        ("grant_type=password&client_id=demo-json&client_secret=demo-json-secret", 400, "unsupported_grant_type"),
        ("grant_type=client_credentials&client_id=demo-json&client_secret=demo-json-secret&scope=admin", 400, "invalid_scope"),
        ("grant_type=client_credentials&grant_type=client_credentials", 400, "invalid_request"),
        ("grant_type=client_credentials&client_id=nobody&client_secret=x", 401, "invalid_client"),
    ])
    func rfc6749Errors(_ body: String, _ status: Int, _ error: String) async throws {
        try await MockHarness.withMock { server, _ in
            let r = try await Self.exchange(Self.form(server.baseURL + "/oauth/token", body))
            #expect(r.status == status)
            #expect(TokenErrorResponse(response: r).error == error)
        }
    }

    @Test func vendor003AnswersErrorsWith403() async throws {
        try await MockHarness.withMock { server, _ in
            let r = try await Self.exchange(Self.form(server.baseURL + "/oauth2/token", "grant_type=client_credentials"))
            #expect(r.status == 403)
            #expect(TokenErrorResponse(response: r).error == "invalid_client")
        }
    }

    @Test func vendor002RequiresScope() async throws {
        try await MockHarness.withMock { server, _ in
            let r = try await Self.exchange(Self.form(server.baseURL + "/configapi/v2/oauth/token", "grant_type=client_credentials&client_id=demo-post&client_secret=demo-post-secret"))
            #expect(r.status == 400)
            #expect(TokenErrorResponse(response: r).error == "invalid_request")
        }
    }

    @Test func batchOverFiveTenantsIsRefused() async throws {
        try await MockHarness.withMock { server, _ in
            let body: JSONValue = ["appName": "a", "appVersion": "1", "hostTenantId": "operator_tenant",
                                   "userTenantIds": .array(MockConfiguration.generatedTenants(6).map(JSONValue.string))]
            let r = try await Self.exchange(HTTPTransportRequest(method: "POST", url: server.baseURL + "/api/technicaltokenmanager/v3/oauthTokens", headers: [
                HTTPHeaderField("Content-Type", "application/json"),
                HTTPHeaderField("X-SPACE-AUTH-KEY", "Basic " + Base64.encode(Array("demo-tenant:demo-tenant-secret".utf8))),
            ], body: Array(body.compact.utf8)))
            #expect(r.status == 400)
        }
    }

    /// RFC 6750 §3.1 on `GET /api/resource`.
    @Test func protectedResource() async throws {
        try await MockHarness.withMock { server, _ in
            let url = server.baseURL + "/api/resource"
            let none = try await Self.exchange(HTTPTransportRequest(method: "GET", url: url))
            #expect(none.status == 401)
            #expect(none.header("WWW-Authenticate") == "Bearer realm=\"mock\"")

            let garbage = try await Self.exchange(HTTPTransportRequest(method: "GET", url: url, headers: [HTTPHeaderField("Authorization", "Bearer not-a-token")]))
            #expect(garbage.status == 401)
            #expect(garbage.header("WWW-Authenticate")?.contains("error=\"invalid_token\"") == true)

            func token(_ id: String, _ secret: String, scope: String?, fault: String? = nil) async throws -> String {
                var headers: [HTTPHeaderField] = []
                if let fault { headers.append(HTTPHeaderField("X-Mock-Fault", fault)) }
                let r = try await Self.exchange(Self.form(server.baseURL + "/oauth/token",
                    "grant_type=client_credentials&client_id=\(id)&client_secret=\(secret)" + (scope.map { "&scope=" + $0 } ?? ""), headers: headers))
                return try TokenResponse.parse(r).accessToken.value
            }
            func call(_ token: String) async throws -> HTTPTransportResponse {
                try await Self.exchange(HTTPTransportRequest(method: "GET", url: url, headers: [HTTPHeaderField("Authorization", "Bearer " + token)]))
            }
            #expect(try await call(try await token("demo-json", "demo-json-secret", scope: nil)).status == 200)
            let narrow = try await call(try await token("demo-json", "demo-json-secret", scope: "write"))
            #expect(narrow.status == 403)
            #expect(narrow.header("WWW-Authenticate")?.contains("error=\"insufficient_scope\"") == true)
            for fault in ["expired", "wrong-aud", "unknown-key", "alg-none"] {
                let r = try await call(try await token("demo-json", "demo-json-secret", scope: nil, fault: fault))
                #expect(r.status == 401, "\(fault)")
                #expect(r.header("WWW-Authenticate")?.contains("invalid_token") == true, "\(fault)")
            }
        }
    }

    @Test func userTenantsNeedsBearer() async throws {
        try await MockHarness.withMock { server, _ in
            let r = try await Self.exchange(HTTPTransportRequest(method: "GET", url: server.baseURL + "/api/technicaltokenmanager/v3/userTenants"))
            #expect(r.status == 401)
        }
    }

    @Test func unknownFaultHeaderIsBadRequest() async throws {
        try await MockHarness.withMock { server, _ in
            let r = try await Self.exchange(HTTPTransportRequest(method: "GET", url: server.baseURL + "/jwks.json", headers: [HTTPHeaderField("X-Mock-Fault", "explode")]))
            #expect(r.status == 400)
        }
    }

    @Test func limitedFaultAppliesOnlyNTimes() async throws {
        try await MockHarness.withMock { server, _ in
            var statuses: [Int] = []
            for _ in 0..<3 {
                statuses.append(try await Self.exchange(HTTPTransportRequest(method: "GET", url: server.baseURL + "/jwks.json", headers: [HTTPHeaderField("X-Mock-Fault", "500:2")])).status)
            }
            #expect(statuses == [500, 500, 200])
        }
    }

    /// RS256 works as the configured algorithm too.
    @Test func rs256Signing() async throws {
        var config = MockConfiguration.demo
        config.algorithm = "RS256"
        try await MockHarness.withMock(config) { server, service in
            let r = try await Self.exchange(Self.form(server.baseURL + "/oauth/token", "grant_type=client_credentials&client_id=demo-json&client_secret=demo-json-secret"))
            let token = try TokenResponse.parse(r).accessToken.value
            guard case .jws(let jws) = try CompactToken.parse(token) else { Issue.record("not JWS"); return }
            #expect(jws.header.alg == "RS256")
            #expect(try JWSVerifier.verify(jws, key: try KeyLoader.jwkSet(service.signer.jwks)[0]))
        }
    }
}

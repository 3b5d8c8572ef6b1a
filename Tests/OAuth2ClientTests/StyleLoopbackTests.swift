import JOSECore
import JWTTestSupport
import OAuth2MockServer
import Testing
@testable import OAuth2Client

/// Counts requests per path, to observe batching and paging.
final class CountingTransport: HTTPTransport, @unchecked Sendable {
    let base: any HTTPTransport
    let lines = CapturedLines()
    init(base: any HTTPTransport) { self.base = base }
    func send(_ request: HTTPTransportRequest, timeout: Duration?) async throws(OAuth2ClientError) -> HTTPTransportResponse {
        lines.append(request.url)
        return try await base.send(request, timeout: timeout)
    }
    func count(containing path: String) -> Int { lines.all.filter { $0.contains(path) }.count }
}

@Suite("Each endpoint style against the mock over loopback")
struct StyleLoopbackTests {
    /// The claims of an issued token, after checking its signature against the mock's JWKS.
    static func verifiedClaims(_ token: AccessToken, jwksURL: String, http: any HTTPTransport, typ: String = "at+jwt") async throws -> JWTClaims {
        let document = try await KeyDocumentLoader(transport: http).load(.jwksURL(jwksURL), deadline: .seconds(10))
        let keys = try KeyLoader.load(document.bytes)
        guard case .jws(let jws) = try CompactToken.parse(token.value) else { throw OAuth2ClientError(.malformedResponse, "not JWS") }
        let key = try #require(keys.first { $0.kid == jws.header.kid })
        #expect(try JWSVerifier.verify(jws, key: key))
        #expect(jws.header.typ == typ)
        #expect(jws.header.alg == "ES256")
        return try jws.claims.get()
    }

    @Test func jsonClientCredentials() async throws {
        try await withMockAndHTTP { server, http in
            let response = try await TokenClient(transport: http).requestToken(
                style: JSONClientCredentialsStyle(audience: "https://api.mock.example"), endpoint: server.baseURL + "/oauth/token",
                credentials: ClientCredentials(clientID: "demo-json", secret: Secret("demo-json-secret")))
            #expect(response.tokenType == "Bearer")
            #expect(response.expiresIn == 3600)
            #expect(response.deviations.isEmpty)
            #expect(response.date != nil)
            let claims = try await Self.verifiedClaims(response.accessToken, jwksURL: server.baseURL + "/jwks.json", http: http)
            #expect(claims.iss == server.baseURL)
            #expect(claims.sub == "demo-json")
            #expect(claims.aud == ["https://api.mock.example"])
            #expect(claims.json["client_id"]?.stringValue == "demo-json")
            #expect(claims.json["scope"]?.stringValue == "read write")
            #expect(claims.jti != nil)
            let exp = try #require(claims.exp?.seconds), iat = try #require(claims.iat?.seconds)
            #expect(exp - iat == 3600)
        }
    }

    @Test func clientSecretPostKeepsStringExpiresIn() async throws {
        try await withMockAndHTTP { server, http in
            let response = try await TokenClient(transport: http).requestToken(
                style: ClientSecretPostStyle(scope: "example.com"), endpoint: server.baseURL + "/configapi/v2/oauth/token",
                credentials: ClientCredentials(clientID: "demo-post", secret: Secret("demo-post-secret")))
            #expect(response.expiresIn == 3599)
            #expect(response.deviations.contains(.expiresInString("3599")))
            let claims = try await Self.verifiedClaims(response.accessToken, jwksURL: server.baseURL + "/jwks.json", http: http)
            #expect(claims.json["scope"]?.stringValue == "example.com")
        }
    }

    @Test func clientSecretBasicAndVendor403() async throws {
        try await withMockAndHTTP { server, http in
            let client = TokenClient(transport: http)
            let endpoint = server.baseURL + "/oauth2/token"
            let response = try await client.requestToken(
                style: ClientSecretBasicStyle(scope: "read"), endpoint: endpoint,
                credentials: ClientCredentials(clientID: "demo-basic", secret: Secret("demo-basic-secret")))
            #expect(response.tokenType == "Bearer")
            await #expect(throws: OAuth2ClientError(.endpointError, "")) {
                try await client.requestToken(style: ClientSecretBasicStyle(), endpoint: endpoint,
                                              credentials: ClientCredentials(clientID: "demo-basic", secret: Secret("nope")))
            }
            do {
                _ = try await client.requestToken(style: ClientSecretBasicStyle(), endpoint: endpoint, credentials: ClientCredentials(clientID: "demo-basic", secret: Secret("nope")))
            } catch let error as OAuth2ClientError {
                #expect(error.status == 403)
                #expect(error.endpointError?.error == "invalid_client")
            }
        }
    }

    /// RFC 6749 §2.3.1 end to end: an id and secret that need form-encoding authenticate.
    @Test func rfc6749BasicWithSpecialCharacters() async throws {
        var config = MockConfiguration.demo
        config.clients.append(.init(clientID: "1PpG/Q 1", secret: "z/tZ9VwFZqApmIQ+ZH1I5pLk/uB4ud:X2/8bL+wfFTt1rFw=", styles: ["rfc6749"], scopes: ["read"]))
        try await withMockAndHTTP(config) { server, http in
            let response = try await TokenClient(transport: http).requestToken(
                style: ClientSecretBasicStyle.rfc6749(scope: "read"), endpoint: server.baseURL + "/oauth/token",
                credentials: ClientCredentials(clientID: "1PpG/Q 1", secret: Secret("z/tZ9VwFZqApmIQ+ZH1I5pLk/uB4ud:X2/8bL+wfFTt1rFw=")))
            #expect(response.scope == "read")
        }
    }

    @Test func tenantSingleToken() async throws {
        try await withMockAndHTTP { server, http in
            let manager = TenantTokenManager(client: TokenClient(transport: http), baseURL: server.baseURL,
                                             credentials: ClientCredentials(clientID: "demo-tenant", secret: Secret("demo-tenant-secret")),
                                             appName: "application_x", appVersion: "1.0.0")
            let token = try await manager.token(hostTenant: "operator_tenant", userTenant: "tenant-003")
            #expect(token.tokenType == "bearer")
            #expect(token.deviations.contains(.tokenTypeCase("bearer")))
            #expect(token.timestamp.flatMap { Int($0) } != nil)
            #expect(token.jti != nil)
            #expect(token.scope == "read tm.t.r")
            #expect(!token.deviations.contains { if case .extraFields = $0 { true } else { false } })
            // Seed 001's token shape: typ JWT, scope and aud as JSON arrays.
            let claims = try await Self.verifiedClaims(token.accessToken, jwksURL: server.baseURL + "/jwks.json", http: http, typ: "JWT")
            #expect(claims.json["ten"]?.stringValue == "tenant-003")
            #expect(claims.json["scope"]?.arrayValue?.compactMap(\.stringValue) == ["read", "tm.t.r"])
            #expect(claims.aud == ["https://api.mock.example"] && claims.json["aud"]?.arrayValue != nil)
        }
    }

    @Test func tenantBatchingTwelveTenantsThreeCalls() async throws {
        try await withMockAndHTTP { server, http in
            let counting = CountingTransport(base: http)
            let manager = TenantTokenManager(client: TokenClient(transport: counting), baseURL: server.baseURL,
                                             credentials: ClientCredentials(clientID: "demo-tenant", secret: Secret("demo-tenant-secret")),
                                             appName: "application_x", appVersion: "1.0.0")
            let ids = MockConfiguration.generatedTenants(12)
            let batch = try await manager.tokens(hostTenantId: "operator_tenant", userTenantIds: ids)
            #expect(batch.calls == 3)
            #expect(counting.count(containing: "/oauthTokens") == 3)
            #expect(batch.tokens.map(\.userTenantId) == ids)
            #expect(Set(batch.tokens.map(\.token.accessToken.value)).count == 12)
        }
    }

    @Test func tenantPagingTwoHundredFiftyTenantsThreePages() async throws {
        try await withMockAndHTTP(MockHarness.demo(tenants: 250)) { server, http in
            let counting = CountingTransport(base: http)
            let manager = TenantTokenManager(client: TokenClient(transport: counting), baseURL: server.baseURL,
                                             credentials: ClientCredentials(clientID: "demo-tenant", secret: Secret("demo-tenant-secret")),
                                             appName: "application_x", appVersion: "1.0.0")
            let op = try await manager.token(hostTenant: "operator_tenant", userTenant: "operator_tenant")
            let list = try await manager.userTenants(bearer: op.accessToken)
            #expect(list.pages == 3)
            #expect(counting.count(containing: "/userTenants") == 3)
            #expect(list.ids == MockConfiguration.generatedTenants(250))
        }
    }

    @Test func tenantAllUsersFlow() async throws {
        try await withMockAndHTTP(MockHarness.demo(tenants: 12)) { server, http in
            let counting = CountingTransport(base: http)
            let manager = TenantTokenManager(client: TokenClient(transport: counting), baseURL: server.baseURL,
                                             credentials: ClientCredentials(clientID: "demo-tenant", secret: Secret("demo-tenant-secret")),
                                             appName: "application_x", appVersion: "1.0.0")
            let result = try await manager.allUsers(operatorTenant: "operator_tenant")
            #expect(result.tenants.ids.count == 12)
            #expect(result.batch.calls == 3)
            #expect(result.batch.tokens.count == 12)
            #expect(counting.lines.all.count == 1 + 1 + 3)
        }
    }

    @Test func tenantWrongKeyIs401() async throws {
        try await withMockAndHTTP { server, http in
            let manager = TenantTokenManager(client: TokenClient(transport: http), baseURL: server.baseURL,
                                             credentials: ClientCredentials(clientID: "demo-tenant", secret: Secret("wrong")),
                                             appName: "a", appVersion: "1")
            await #expect(throws: OAuth2ClientError(.endpointError, "")) { try await manager.token(hostTenant: "operator_tenant", userTenant: "tenant-001") }
        }
    }

    /// Discovery and the JWK Set from the mock, over a real loopback connection (the rules themselves are tested
    /// on tables in `KeyDocumentLoaderTests`).
    @Test func metadataDiscoveryAndJWKS() async throws {
        try await withMockAndHTTP { server, http in
            let loader = KeyDocumentLoader(transport: http)
            let metadata = try await loader.discover(issuer: server.baseURL, deadline: .seconds(10))
            #expect(metadata.issuer == server.baseURL)
            #expect(metadata.tokenEndpoint == server.baseURL + "/oauth/token")
            #expect(metadata.source.hasSuffix("/.well-known/oauth-authorization-server"))
            let fetch = await loader.fetch(.issuer(server.baseURL), deadline: .seconds(10))
            let document = try fetch.get()
            #expect(document.source == metadata.jwksURI)
            #expect(document.metadata == metadata)
            #expect(try KeyLoader.load(document.bytes).count == 1)
            #expect(document.cacheControl == "max-age=300")
            #expect(fetch.requested == [metadata.source, document.source])
            #expect(fetch.networkSeconds > 0)
        }
    }
}

import JOSECore
import JWTTestSupport
import OAuth2MockServer
import Testing
@testable import OAuth2Client

@Suite("Style factory and cached tokens against the mock")
struct TokenStyleFactoryTests {
    static let credentials: [TokenStyleName: (String, String, String?)] = [
        .jsonClientCredentials: ("demo-json", "demo-json-secret", nil),
        .rfc6749: ("demo-basic", "demo-basic-secret", "read"),
        .clientSecretPost: ("demo-post", "demo-post-secret", "example.com"),
        .clientSecretBasic: ("demo-basic", "demo-basic-secret", "read"),
        .tenantTokenManager: ("demo-tenant", "demo-tenant-secret", nil),
    ]

    @Test(arguments: TokenStyleName.allCases)
    func everyStyleByNameAtItsDefaultPath(_ name: TokenStyleName) async throws {
        let (id, secret, scope) = try #require(Self.credentials[name])
        try await withMockAndHTTP { server, http in
            let style = TokenStyleFactory.make(name, scope: scope, tenant: .init(appName: "a", appVersion: "1", hostTenant: "operator_tenant", userTenant: "tenant-001"))
            #expect(style.name == name.rawValue)
            let response = try await TokenClient(transport: http).requestToken(
                anyStyle: style, endpoint: server.baseURL + TokenStyleFactory.defaultPath(name), credentials: ClientCredentials(clientID: id, secret: Secret(secret)))
            #expect(response.status == 200)
            #expect(!response.accessToken.value.isEmpty)
        }
    }

    @Test func cachedTokenIsRequestedOnce() async throws {
        try await withMockAndHTTP { server, http in
            let counting = CountingTransport(base: http)
            let stack = TransportStack.make(network: counting, retry: .none)
            let cache = try TokenCache(now: SystemClock.now)
            let client = TokenClient(transport: stack)
            let credentials = ClientCredentials(clientID: "demo-json", secret: Secret("demo-json-secret"))
            let first = try await client.cachedToken(style: JSONClientCredentialsStyle(), endpoint: server.baseURL + "/oauth/token", credentials: credentials, cache: cache)
            let second = try await client.cachedToken(style: JSONClientCredentialsStyle(), endpoint: server.baseURL + "/oauth/token", credentials: credentials, cache: cache)
            #expect(!first.fromCache && second.fromCache)
            #expect(first.accessToken == second.accessToken)
            #expect(counting.lines.all.count == 1)
        }
    }
}

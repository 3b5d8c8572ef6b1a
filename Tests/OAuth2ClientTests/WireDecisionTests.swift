import JOSECore
import Synchronization
import Testing
@testable import OAuth2Client

/// Issue 10 item 1: where `jwt conform` and the client used to build requests differently, the one decision — by the
/// seed documents' sample requests or the RFC — with one table each. `jwt conform` sends exactly these requests.
@Suite("Wire decisions: one request per style, one paging rule, one URL rule")
struct WireDecisionTests {
    static let credentials = ClientCredentials(clientID: "client-1", secret: Secret("s3cret"))
    static let tenant = TokenStyleFactory.TenantParameters(appName: "application_x", appVersion: "1.0.0", hostTenant: "host_tenant", userTenant: "user_tenant_1")

    /// The parameter names of a request body (JSON object members or form pairs), in order.
    static func names(_ request: HTTPTransportRequest) throws -> [String] {
        if request.header("Content-Type") == "application/json" {
            return try #require(try JSONParser().parse(request.body).objectValue).names
        }
        return try #require(FormURLEncoding.parse(String(decoding: request.body, as: UTF8.self))).map(\.0)
    }

    /// Given both a scope and an audience, each style sends what its seed's sample request (or RFC 6749 §4.4.2) has:
    /// seed 000's JSON body has `audience` and no `scope`; seed 002's form table has `scope` and no `audience`.
    @Test(arguments: [
        (TokenStyleName.jsonClientCredentials, ["client_id", "client_secret", "audience", "grant_type"]),   // seed 000
        (.tenantTokenManager, ["appName", "appVersion", "hostTenant", "userTenant"]),                      // seed 001
        (.clientSecretPost, ["grant_type", "client_id", "client_secret", "scope"]),                        // seed 002
        (.clientSecretBasic, ["grant_type", "scope", "audience"]),                                         // seed 003
        (.rfc6749, ["grant_type", "scope"]),                                                               // RFC 6749 §4.4.2
    ])
    func eachStyleSendsItsSeedsParameters(_ name: TokenStyleName, _ expected: [String]) throws {
        let style = TokenStyleFactory.make(name, scope: "read", audience: "https://api.example", tenant: Self.tenant)
        let request = style.makeRequest(endpoint: "https://as.example/token", credentials: Self.credentials)
        let sent = try Self.names(request)
        #expect(sent == expected)
        #expect(sent.contains("scope") == name.takesScope)
        #expect(sent.contains("audience") == name.takesAudience)
        #expect(sent.contains("grant_type") == name.hasGrantType)
    }

    /// The negative checks' variations go through the same builders: the wrong secret lands where the style puts the
    /// secret, the grant override replaces `client_credentials`, extra headers come after the style's own.
    @Test(arguments: TokenStyleName.allCases)
    func optionsVaryOneRequestOfEveryStyle(_ name: TokenStyleName) throws {
        let style = TokenStyleFactory.make(name, tenant: Self.tenant)
        let options = TokenRequestOptions(secret: Secret("wrong-one"), grantType: "urn:x:bad", headers: [HTTPHeaderField("X-Mock-Fault", "slow")])
        let plain = style.makeRequest(endpoint: "https://as.example/token", credentials: Self.credentials)
        let varied = style.makeRequest(endpoint: "https://as.example/token", credentials: Self.credentials, options: options)
        func secretSent(_ request: HTTPTransportRequest) -> String {
            let auth = request.header("Authorization") ?? request.header("X-SPACE-AUTH-KEY")
            return auth.map { String(decoding: Base64.decode($0.dropFirst(6)) ?? [], as: UTF8.self) } ?? String(decoding: request.body, as: UTF8.self)
        }
        #expect(secretSent(plain).contains("s3cret") && !secretSent(plain).contains("wrong-one"))
        #expect(secretSent(varied).contains("wrong-one") && !secretSent(varied).contains("s3cret"))
        let body = String(decoding: varied.body, as: UTF8.self)
        #expect(body.contains("bad") == name.hasGrantType)
        #expect(!body.contains("client_credentials"))
        #expect(varied.headers.dropLast().map(\.name) == plain.headers.map(\.name))
        #expect(varied.headers.last == HTTPHeaderField("X-Mock-Fault", "slow"))
        #expect(varied.headers.count == plain.headers.count + 1)
    }

    /// Seed 001 `userTenants` paging stops on an empty page; on the last page by `page.totalPages` (pages from 0, the
    /// sample's `"number": 0`), counting the pages asked for; without `totalPages`, on a page of fewer than 100 ids
    /// ("only returns up to 100 tenant IDs per request").
    @Test(arguments: [
        (0, 100, 3 as Int?, false), (1, 100, 3, false), (2, 50, 3, true), (0, 100, 1, true),
        (0, 1, 0, true),            // the seed's own sample: totalPages 0, one tenant
        (5, 100, 3, true),          // asked past the end
        (0, 0, 5, true),            // an empty page stops whatever totalPages says
        (0, 100, nil, false), (3, 99, nil, true), (0, 0, nil, true),
    ])
    func tenantPagingStopRule(_ page: Int, _ count: Int, _ totalPages: Int?, _ last: Bool) {
        #expect(TenantTokenManager.isLastPage(page: page, count: count, totalPages: totalPages) == last)
    }

    /// The rule against servers: a server that repeats `number: 0` cannot make us loop (we count), and one that never
    /// says "last page" is stopped by the page bound, reported as not terminated.
    @Test(arguments: [(#""number":0,"totalPages":3"#, 3, true), (#""number":0"#, TenantTokenManager.maxPages, false)])
    func tenantPagingAgainstServers(_ pageMembers: String, _ requests: Int, _ terminated: Bool) async throws {
        let ids = (0..<100).map { #"{"id":"t\#($0)"}"# }.joined(separator: ",")
        let page = HTTPTransportResponse(status: 200, headers: jsonHeaders, body: Array(#"{"page":{\#(pageMembers)},"userTenants":[\#(ids)]}"#.utf8))
        let transport = ScriptedTransport(Array(repeating: .success(page), count: TenantTokenManager.maxPages + 1))
        let manager = TenantTokenManager(client: TokenClient(transport: transport), baseURL: "https://gw.example", credentials: Self.credentials, appName: "a", appVersion: "1")
        let list = await manager.tenantListReport(bearer: AccessToken("op"))
        #expect(transport.calls == requests)
        #expect(list.pages == requests && list.terminated == terminated && list.failure == nil)
        #expect(transport.requests.prefix(3).map(\.url) == (0..<min(3, requests)).map { "https://gw.example/api/technicaltokenmanager/v3/userTenants?page=\($0)&size=100" })
    }

    /// Seed 001's routes share the prefix before `/oauth/token`; any other token URL is refused rather than guessed.
    @Test(arguments: [
        ("https://gw.example/api/technicaltokenmanager/v3/oauth/token", "https://gw.example/api/technicaltokenmanager/v3" as String?),
        ("https://gw.example/api/technicaltokenmanager/v3/oauth/token?x=1", "https://gw.example/api/technicaltokenmanager/v3"),
        ("http://127.0.0.1:8080/tm/oauth/token", "http://127.0.0.1:8080/tm"),
        ("https://gw.example/oauth/token", "https://gw.example"),
        ("https://gw.example/v3/token", nil),
        ("https://gw.example/v3/oauth/token/", nil),
        ("/oauth/token", nil),
    ])
    func tenantServiceURLsBesideTheTokenURL(_ tokenURL: String, _ prefix: String?) {
        do {
            let urls = try TenantServiceURLs(tokenURL: tokenURL)
            #expect(prefix != nil, "accepted \(tokenURL)")
            #expect(urls == TenantServiceURLs(prefix: prefix ?? ""))
            #expect(urls.batch == (prefix ?? "") + "/oauthTokens" && urls.tenants == (prefix ?? "") + "/userTenants")
        } catch {
            #expect(prefix == nil, "refused \(tokenURL): \(error)")
            #expect(error.code == .invalidURL)
        }
    }

    /// One batching loop for the library and `jwt conform`: the throwing call stops at the first problem; the report
    /// keeps going after an answered failure and stops after an unanswered one (an unreachable service is not hammered).
    @Test(arguments: [
        ("answered 500, then fine", [500, 200, 200], false, 3, 1),
        ("unanswered, then nothing", [0, 200, 200], false, 1, 1),
        ("throwing: answered 500 stops", [500, 200, 200], true, 1, 1),
    ])
    func tenantBatchingKeepsGoingOnlyAfterAnswers(_ name: String, _ statuses: [Int], _ throwing: Bool, _ calls: Int, _ problems: Int) async throws {
        func answer(_ status: Int) -> Result<HTTPTransportResponse, OAuth2ClientError> {
            if status == 0 { return .failure(OAuth2ClientError(.network, "connection refused")) }
            if status != 200 { return .success(HTTPTransportResponse(status: status, headers: jsonHeaders, body: Array(#"{"error":"server_error"}"#.utf8))) }
            let entry = #"{"userTenantId":"t","token":{"access_token":"a.b.c","token_type":"bearer","expires_in":1799}}"#
            return .success(HTTPTransportResponse(status: 200, headers: jsonHeaders, body: Array(#"{"oauthTokens":[\#(entry)]}"#.utf8)))
        }
        let transport = ScriptedTransport(statuses.map(answer))
        let seen = TokenLog()
        var manager = TenantTokenManager(client: TokenClient(transport: transport), baseURL: "https://gw.example", credentials: Self.credentials, appName: "a", appVersion: "1")
        manager.onToken = { seen.add($0.value) }
        let tenants = (1...15).map { "t\($0)" }
        if throwing {
            await #expect(throws: OAuth2ClientError(.endpointError, "")) { try await manager.tokens(hostTenantId: "h", userTenantIds: tenants) }
        } else {
            let batch = await manager.batchReport(hostTenantId: "h", userTenantIds: tenants)
            #expect(batch.calls == calls, "\(name)")
            #expect(batch.problems.count == problems, "\(name)")
            #expect(batch.tokens.count == statuses.prefix(calls).filter { $0 == 200 }.count)
            #expect(seen.values.count == batch.tokens.count, "every issued token went through onToken")
        }
        #expect(transport.calls == calls, "\(name)")
        #expect(transport.requests.allSatisfy { $0.url == "https://gw.example/api/technicaltokenmanager/v3/oauthTokens" })
    }
}

/// Tokens seen by an `onToken` hook.
final class TokenLog: Sendable {
    private let list = Mutex<[String]>([])
    func add(_ value: String) { list.withLock { $0.append(value) } }
    var values: [String] { list.withLock { $0 } }
}

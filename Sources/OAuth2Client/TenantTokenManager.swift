import JOSECore

/// Seed 001's Token Management Service: single tokens, batched tokens (≤ 5 tenants a call), the paged tenant list
/// (≤ 100 a page) and the "all users" flow (operator token → tenant list → batched tokens).
///
/// The batching and paging loops exist once, here, for the library and for `jwt conform`: the throwing methods stop at
/// the first problem; ``batchReport(hostTenantId:userTenantIds:)`` and ``tenantListReport(bearer:)`` return what every
/// call did as a value (calls, latency, tokens, pages, problems), which is what a conformance check judges.
public struct TenantTokenManager: Sendable {
    /// At most this many `userTenantIds` per `…/oauthTokens` call (seed 001, step 3: "Request up to 5 access tokens").
    public static let batchLimit = 5
    /// Tenant ids per `userTenants` page (seed 001: "only returns up to 100 tenant IDs per request").
    public static let pageSize = 100
    /// Pages are followed up to this bound, so a server that never says "last page" cannot loop us forever.
    public static let maxPages = 1000

    public let client: TokenClient
    public let urls: TenantServiceURLs
    public let credentials: ClientCredentials
    public var appName: String
    public var appVersion: String
    /// Header fields added to the token and batch calls (a suite's `headers`).
    public var extraHeaders: [HTTPHeaderField] = []
    /// Called with every access token the service issues, as soon as its answer is read and before the caller sees
    /// it (`jwt conform` emits `::add-mask::` here).
    public var onToken: @Sendable (AccessToken) -> Void = { _ in }

    /// A service at `<baseURL>/api/technicaltokenmanager/v3`.
    public init(client: TokenClient, baseURL: String, credentials: ClientCredentials, appName: String, appVersion: String) {
        self.init(client: client, urls: TenantServiceURLs(baseURL: baseURL), credentials: credentials, appName: appName, appVersion: appVersion)
    }

    public init(client: TokenClient, urls: TenantServiceURLs, credentials: ClientCredentials, appName: String, appVersion: String) {
        self.client = client
        self.urls = urls
        self.credentials = credentials
        self.appName = appName
        self.appVersion = appVersion
    }

    public static let tokenPath = TenantServiceURLs.servicePath + "/oauth/token"
    public static let batchPath = TenantServiceURLs.servicePath + "/oauthTokens"
    public static let tenantsPath = TenantServiceURLs.servicePath + "/userTenants"

    /// One token for `userTenant` on behalf of the app hosted in `hostTenant`.
    public func token(hostTenant: String, userTenant: String) async throws(OAuth2ClientError) -> TokenResponse {
        let style = TenantTokenStyle(appName: appName, appVersion: appVersion, hostTenant: hostTenant, userTenant: userTenant)
        let request = style.makeRequest(endpoint: urls.token, credentials: credentials, options: TokenRequestOptions(headers: extraHeaders))
        let response = try await client.transport.send(request, timeout: client.timeout)
        let token = try TokenResponse.parse(response, knownExtraFields: style.knownExtraFields)
        onToken(token.accessToken)
        return token
    }

    /// Tokens for many tenants, split into calls of at most ``batchLimit`` tenants; throws the first problem.
    public func tokens(hostTenantId: String, userTenantIds: [String]) async throws(OAuth2ClientError) -> TenantTokenBatch {
        let batch = await batches(hostTenantId: hostTenantId, userTenantIds: userTenantIds, stopAtFirstProblem: true)
        if let problem = batch.problems.first { throw problem }
        return batch
    }

    /// The same calls, every problem kept as a value: a call that got an answer (an error status, a malformed body,
    /// an unusable entry) does not stop the next one; a call that got none (network, timeout, refused) does, so an
    /// unreachable service is not asked again.
    public func batchReport(hostTenantId: String, userTenantIds: [String]) async -> TenantTokenBatch {
        await batches(hostTenantId: hostTenantId, userTenantIds: userTenantIds, stopAtFirstProblem: false)
    }

    private func batches(hostTenantId: String, userTenantIds: [String], stopAtFirstProblem: Bool) async -> TenantTokenBatch {
        var result = TenantTokenBatch(tokens: [], calls: 0)
        var start = 0
        while start < userTenantIds.count {
            let chunk = Array(userTenantIds[start..<min(start + Self.batchLimit, userTenantIds.count)])
            start += chunk.count
            let body: JSONValue = [
                "appName": .string(appName), "appVersion": .string(appVersion),
                "hostTenantId": .string(hostTenantId), "userTenantIds": .array(chunk.map(JSONValue.string)),
            ]
            let request = HTTPTransportRequest(
                method: "POST", url: urls.batch, headers: TenantTokenStyle.headers(credentials) + extraHeaders, body: Array(body.compact.utf8))
            let exchange = await Self.exchange(request, client: client)
            result.calls += 1
            result.latency += exchange.latency
            let problemsBefore = result.problems.count
            switch exchange.outcome {
            case .failure(let error):
                result.problems.append(error.prefixed("oauthTokens"))
                return result
            case .success(let response):
                read(response, into: &result)
            }
            if stopAtFirstProblem && result.problems.count > problemsBefore { return result }
        }
        return result
    }

    /// One batch answer: `{"oauthTokens": [{"userTenantId", "token": {…RFC 6749 §5.1…}}]}` (seed 001).
    private func read(_ response: HTTPTransportResponse, into result: inout TenantTokenBatch) {
        let object: JSONObject
        do { object = try TokenResponse.successObject(response) } catch {
            result.problems.append(error.prefixed("oauthTokens"))
            return
        }
        guard let entries = object["oauthTokens"]?.arrayValue else {
            result.problems.append(OAuth2ClientError(.malformedResponse, "oauthTokens answer has no oauthTokens list", status: response.status))
            return
        }
        for entry in entries {
            guard let tenant = entry["userTenantId"]?.stringValue else {
                result.problems.append(OAuth2ClientError(.malformedResponse, "an oauthTokens entry has no userTenantId", status: response.status))
                continue
            }
            guard let token = entry["token"]?.objectValue,
                  let parsed = try? TokenResponse(object: token, http: response, knownExtraFields: ["timestamp", "jti"]) else {
                result.problems.append(OAuth2ClientError(.malformedResponse, "no access_token for \(tenant)", status: response.status))
                continue
            }
            onToken(parsed.accessToken)
            result.tokens.append(TenantToken(userTenantId: tenant, token: parsed))
        }
    }

    /// Every tenant id from `GET …/userTenants?page=N&size=100`; throws the first problem.
    public func userTenants(bearer: AccessToken) async throws(OAuth2ClientError) -> TenantList {
        let list = await tenantListReport(bearer: bearer)
        if let failure = list.failure { throw failure }
        return list
    }

    /// The tenant list page by page, as a value. Paging stops (seed 001 `userTenants`):
    /// - on an empty page;
    /// - when the answer's `page.totalPages` is present, after page `totalPages - 1` (pages are counted from 0, as the
    ///   seed's `"number": 0` shows); the page asked for is counted here, not read back from `page.number`, so a
    ///   server that repeats or skips numbers cannot make us loop or jump;
    /// - without `page.totalPages`, after a page of fewer than ``pageSize`` ids (the seed: "only returns up to 100
    ///   tenant IDs per request", so a short page is the last);
    /// - at ``maxPages`` (``TenantList/terminated`` is then false), or at the first failed call.
    public func tenantListReport(bearer: AccessToken) async -> TenantList {
        var list = TenantList()
        for page in 0..<Self.maxPages {
            let request = HTTPTransportRequest(
                method: "GET", url: urls.tenants + "?page=\(page)&size=\(Self.pageSize)",
                headers: [HTTPHeaderField("Accept", "application/json"), HTTPHeaderField("Authorization", "Bearer " + bearer.value)])
            let exchange = await Self.exchange(request, client: client)
            list.latency += exchange.latency
            let object: JSONObject
            do {
                object = try TokenResponse.successObject(exchange.outcome.get())
            } catch {
                list.failure = error.prefixed("userTenants page \(page)")
                return list
            }
            guard let tenants = object["userTenants"]?.arrayValue else {
                list.failure = OAuth2ClientError(.malformedResponse, "userTenants page \(page): no userTenants list", status: 200)
                return list
            }
            let ids = tenants.compactMap { $0["id"]?.stringValue }
            list.pageIDs.append(ids)
            if Self.isLastPage(page: page, count: ids.count, totalPages: object["page"]?["totalPages"]?.numberValue?.intValue) {
                list.terminated = true
                return list
            }
        }
        return list
    }

    /// The stop rule of ``tenantListReport(bearer:)`` for page `page` (from 0) holding `count` ids.
    public static func isLastPage(page: Int, count: Int, totalPages: Int?) -> Bool {
        if count == 0 { return true }
        if let totalPages { return page >= totalPages - 1 }
        return count < pageSize
    }

    /// The seed's "all users" flow: token with `operatorTenant` as host and user tenant, the tenant list, then
    /// batched tokens for every listed tenant.
    public func allUsers(operatorTenant: String) async throws(OAuth2ClientError) -> AllUsersResult {
        let operatorToken = try await token(hostTenant: operatorTenant, userTenant: operatorTenant)
        let tenants = try await userTenants(bearer: operatorToken.accessToken)
        let batch = try await tokens(hostTenantId: operatorTenant, userTenantIds: tenants.ids)
        return AllUsersResult(operatorToken: operatorToken, tenants: tenants, batch: batch)
    }

    /// Sends one request; the latency is the response's, or the time spent before the failure.
    private static func exchange(_ request: HTTPTransportRequest, client: TokenClient) async -> (outcome: Result<HTTPTransportResponse, OAuth2ClientError>, latency: Double) {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let response = try await client.transport.send(request, timeout: client.timeout)
            return (.success(response), response.latency)
        } catch {
            return (.failure(error), (clock.now - start).seconds)
        }
    }
}

public struct TenantToken: Sendable, Equatable {
    public let userTenantId: String
    public let token: TokenResponse
}

/// What the `…/oauthTokens` calls returned.
public struct TenantTokenBatch: Sendable, Equatable {
    /// Every entry that carried an access token, in answer order (duplicates kept).
    public var tokens: [TenantToken]
    /// Number of `…/oauthTokens` calls made.
    public var calls: Int
    /// Failed calls and unusable entries, in order.
    public var problems: [OAuth2ClientError] = []
    /// Seconds spent in the calls.
    public var latency: Double = 0

    public init(tokens: [TenantToken], calls: Int, problems: [OAuth2ClientError] = [], latency: Double = 0) {
        self.tokens = tokens
        self.calls = calls
        self.problems = problems
        self.latency = latency
    }
}

/// The `userTenants` pages read.
public struct TenantList: Sendable, Equatable {
    /// The ids of each page, in page order.
    public var pageIDs: [[String]] = []
    /// Whether paging stopped on a last page (false after a failure or at ``TenantTokenManager/maxPages``).
    public var terminated = false
    /// The call that failed, when one did (paging stops there).
    public var failure: OAuth2ClientError?
    /// Seconds spent in the calls.
    public var latency: Double = 0

    public init() {}

    /// Every id, in page order.
    public var ids: [String] { pageIDs.flatMap { $0 } }
    /// Number of pages read.
    public var pages: Int { pageIDs.count }
}

public struct AllUsersResult: Sendable, Equatable {
    public let operatorToken: TokenResponse
    public let tenants: TenantList
    public let batch: TenantTokenBatch
}

extension OAuth2ClientError {
    /// The same error, its message prefixed with the call it came from.
    func prefixed(_ what: String) -> OAuth2ClientError {
        OAuth2ClientError(code, "\(what): \(message)", status: status, endpointError: endpointError, attempts: attempts)
    }
}

import JOSECore

/// Seed 001's Token Management Service: single tokens, batched tokens (≤ 5 tenants a call), the paged tenant list
/// (≤ 100 a page) and the "all users" flow (operator token → tenant list → batched tokens).
public struct TenantTokenManager: Sendable {
    /// At most this many `userTenantIds` per `…/oauthTokens` call (seed 001, step 3).
    public static let batchLimit = 5
    /// Pages are followed up to this bound, so a server that never says "last page" cannot loop us forever.
    public static let maxPages = 1000

    public let client: TokenClient
    /// Base URL of the service, e.g. `https://gateway.example` (paths are appended).
    public let baseURL: String
    public let credentials: ClientCredentials
    public var appName: String
    public var appVersion: String

    public init(client: TokenClient, baseURL: String, credentials: ClientCredentials, appName: String, appVersion: String) {
        self.client = client
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.credentials = credentials
        self.appName = appName
        self.appVersion = appVersion
    }

    public static let tokenPath = "/api/technicaltokenmanager/v3/oauth/token"
    public static let batchPath = "/api/technicaltokenmanager/v3/oauthTokens"
    public static let tenantsPath = "/api/technicaltokenmanager/v3/userTenants"

    /// One token for `userTenant` on behalf of the app hosted in `hostTenant`.
    public func token(hostTenant: String, userTenant: String) async throws(OAuth2ClientError) -> TokenResponse {
        let style = TenantTokenStyle(appName: appName, appVersion: appVersion, hostTenant: hostTenant, userTenant: userTenant)
        return try await client.requestToken(style: style, endpoint: baseURL + Self.tokenPath, credentials: credentials)
    }

    /// Tokens for many tenants, split into calls of at most ``batchLimit`` tenants.
    public func tokens(hostTenantId: String, userTenantIds: [String]) async throws(OAuth2ClientError) -> TenantTokenBatch {
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
                method: "POST", url: baseURL + Self.batchPath, headers: TenantTokenStyle.headers(credentials), body: Array(body.compact.utf8))
            let response = try await client.transport.send(request, timeout: client.timeout)
            result.calls += 1
            let object = try TokenResponse.successObject(response)
            guard let entries = object["oauthTokens"]?.arrayValue else {
                throw OAuth2ClientError(.malformedResponse, "batch response has no oauthTokens array", status: response.status)
            }
            for entry in entries {
                guard let tenant = entry["userTenantId"]?.stringValue, let token = entry["token"]?.objectValue else {
                    throw OAuth2ClientError(.malformedResponse, "batch entry lacks userTenantId or token", status: response.status)
                }
                let parsed = try TokenResponse(object: token, http: response, knownExtraFields: ["timestamp", "jti"])
                result.tokens.append(TenantToken(userTenantId: tenant, token: parsed))
            }
        }
        return result
    }

    /// Every tenant id from `GET …/userTenants`, following `?page=N&size=100` until the last page
    /// (`page.number + 1 >= page.totalPages`, or an empty page).
    public func userTenants(bearer: AccessToken) async throws(OAuth2ClientError) -> TenantList {
        var list = TenantList(ids: [], pages: 0)
        var page = 0
        while page < Self.maxPages {
            let request = HTTPTransportRequest(
                method: "GET", url: baseURL + Self.tenantsPath + "?page=\(page)&size=100",
                headers: [HTTPHeaderField("Accept", "application/json"), HTTPHeaderField("Authorization", "Bearer " + bearer.value)])
            let response = try await client.transport.send(request, timeout: client.timeout)
            list.pages += 1
            let object = try TokenResponse.successObject(response)
            guard let tenants = object["userTenants"]?.arrayValue else {
                throw OAuth2ClientError(.malformedResponse, "userTenants response has no userTenants array", status: response.status)
            }
            let ids = tenants.compactMap { $0["id"]?.stringValue }
            list.ids += ids
            let totalPages = object["page"]?["totalPages"]?.numberValue?.intValue ?? 1
            let number = object["page"]?["number"]?.numberValue?.intValue ?? page
            if ids.isEmpty || number + 1 >= totalPages { break }
            page = number + 1
        }
        return list
    }

    /// The seed's "all users" flow: token with `operatorTenant` as host and user tenant, the tenant list, then
    /// batched tokens for every listed tenant.
    public func allUsers(operatorTenant: String) async throws(OAuth2ClientError) -> AllUsersResult {
        let operatorToken = try await token(hostTenant: operatorTenant, userTenant: operatorTenant)
        let tenants = try await userTenants(bearer: operatorToken.accessToken)
        let batch = try await tokens(hostTenantId: operatorTenant, userTenantIds: tenants.ids)
        return AllUsersResult(operatorToken: operatorToken, tenants: tenants, batch: batch)
    }
}

public struct TenantToken: Sendable, Equatable {
    public let userTenantId: String
    public let token: TokenResponse
}

public struct TenantTokenBatch: Sendable, Equatable {
    public var tokens: [TenantToken]
    /// Number of `…/oauthTokens` calls made.
    public var calls: Int
}

public struct TenantList: Sendable, Equatable {
    public var ids: [String]
    /// Number of pages fetched.
    public var pages: Int
}

public struct AllUsersResult: Sendable, Equatable {
    public let operatorToken: TokenResponse
    public let tenants: TenantList
    public let batch: TenantTokenBatch
}

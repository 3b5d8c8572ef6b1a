/// Builds a style from its suite/config name (``TokenStyleName``) and the parameters a suite gives.
public enum TokenStyleFactory {
    /// `tenant` is used by `tenant-token-manager` only (`hostTenant`/`userTenant`, app name and version).
    public struct TenantParameters: Sendable, Equatable {
        public var appName: String
        public var appVersion: String
        public var hostTenant: String
        public var userTenant: String
        public init(appName: String, appVersion: String, hostTenant: String, userTenant: String) {
            self.appName = appName
            self.appVersion = appVersion
            self.hostTenant = hostTenant
            self.userTenant = userTenant
        }
    }

    /// `scope` and `audience` are passed on only to the styles that take them (``TokenStyleName/takesScope``,
    /// ``TokenStyleName/takesAudience``); a suite loader refuses them for the others, so nothing is dropped silently.
    public static func make(_ name: TokenStyleName, scope: String? = nil, audience: String? = nil, tenant: TenantParameters? = nil) -> any TokenEndpointStyle {
        let scope = name.takesScope ? scope : nil
        let audience = name.takesAudience ? audience : nil
        return switch name {
        case .jsonClientCredentials: JSONClientCredentialsStyle(audience: audience)
        case .clientSecretPost: ClientSecretPostStyle(scope: scope)
        case .clientSecretBasic: ClientSecretBasicStyle(scope: scope, audience: audience)
        case .rfc6749: ClientSecretBasicStyle(scope: scope, audience: nil, name: TokenStyleName.rfc6749.rawValue)
        case .tenantTokenManager:
            TenantTokenStyle(appName: tenant?.appName ?? "jwt-conform", appVersion: tenant?.appVersion ?? "1.0.0",
                             hostTenant: tenant?.hostTenant ?? "", userTenant: tenant?.userTenant ?? "")
        }
    }

    /// The path each style's vendor serves, relative to a base URL (as the mock serves them).
    public static func defaultPath(_ name: TokenStyleName) -> String {
        switch name {
        case .jsonClientCredentials, .rfc6749: "/oauth/token"
        case .tenantTokenManager: TenantTokenManager.tokenPath
        case .clientSecretPost: "/configapi/v2/oauth/token"
        case .clientSecretBasic: "/oauth2/token"
        }
    }
}

extension TokenClient {
    /// A token through `cache`: reused until shortly before expiry, else requested (seed 001 best practice).
    public func cachedToken(
        style: any TokenEndpointStyle, endpoint: String, credentials: ClientCredentials, scope: String? = nil, cache: TokenCache
    ) async throws(OAuth2ClientError) -> TokenCache.Lookup {
        let key = TokenCache.Key(endpoint: endpoint, clientID: credentials.clientID, scope: scope)
        return try await cache.token(for: key) { () throws(OAuth2ClientError) in
            try await self.requestToken(anyStyle: style, endpoint: endpoint, credentials: credentials)
        }
    }
}

/// The usual stack: network → retry → (optional) redacted logging on each attempt.
public enum TransportStack {
    public static func make(network: any HTTPTransport, retry: RetryPolicy = RetryPolicy(), log: LogSink? = nil,
                            sleep: @escaping @Sendable (Duration) async -> Void = { try? await Task.sleep(for: $0) }) -> any HTTPTransport {
        var base: any HTTPTransport = network
        if let log { base = LoggingTransport(base: base, sink: log) }
        return RetryingTransport(base: base, policy: retry, sleep: sleep)
    }
}

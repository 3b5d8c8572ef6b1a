import JOSECore

/// Which proxy, if any, each request goes through: `HTTPS_PROXY` for `https` URLs, `HTTP_PROXY` for `http` URLs,
/// `NO_PROXY` for the hosts reached directly (``NoProxyList``), from an environment the caller passes in (this
/// module never reads the process environment; `jwt` passes its own).
///
/// Each variable is read in lower and upper case; when both are set (non-empty) the lower-case one wins (curl's
/// rule). Loopback hosts (``EndpointURL/isLoopbackHost(_:)``, the kit's one definition) are never proxied: a local
/// mock or test server is not somewhere a proxy can reach — unless `JWT_PROXY_LOOPBACK=1`, which the kit's own proxy
/// tests use.
public struct ProxyConfiguration: Sendable, Equatable {
    /// The proxy for `https` URLs (`HTTPS_PROXY`).
    public var https: ProxyServer?
    /// The proxy for `http` URLs (`HTTP_PROXY`).
    public var http: ProxyServer?
    /// Hosts reached directly (`NO_PROXY`).
    public var noProxy: NoProxyList
    /// Whether loopback hosts are proxied too (`JWT_PROXY_LOOPBACK=1`).
    public var proxyLoopback: Bool

    /// No proxy at all.
    public static let none = ProxyConfiguration(https: nil, http: nil, noProxy: .empty, proxyLoopback: false)

    public init(https: ProxyServer?, http: ProxyServer?, noProxy: NoProxyList = .empty, proxyLoopback: Bool = false) {
        self.https = https
        self.http = http
        self.noProxy = noProxy
        self.proxyLoopback = proxyLoopback
    }

    /// Reads `https_proxy`/`HTTPS_PROXY`, `http_proxy`/`HTTP_PROXY`, `no_proxy`/`NO_PROXY` and `JWT_PROXY_LOOPBACK`
    /// from `environment`. A value that cannot be used is an error (``OAuth2ClientError/Code/proxyConfiguration``)
    /// naming the variable, never its credentials.
    public init(environment: [String: String]) throws(OAuth2ClientError) {
        func variable(_ name: String) -> (name: String, value: String)? {
            for candidate in [name.lowercased(), name.uppercased()] {
                if let value = environment[candidate], !value.trimmed(" \t\r\n").isEmpty { return (candidate, value) }
            }
            return nil
        }
        https = try variable("https_proxy").map { v throws(OAuth2ClientError) in try ProxyServer(v.value, variable: v.name) }
        http = try variable("http_proxy").map { v throws(OAuth2ClientError) in try ProxyServer(v.value, variable: v.name) }
        noProxy = try variable("no_proxy").map { v throws(OAuth2ClientError) in try NoProxyList(v.value, variable: v.name) } ?? .empty
        switch environment["JWT_PROXY_LOOPBACK"] ?? "" {
        case "", "0": proxyLoopback = false
        case "1": proxyLoopback = true
        default: throw OAuth2ClientError(.proxyConfiguration, "JWT_PROXY_LOOPBACK: use 1 (proxy loopback hosts too) or 0")
        }
    }

    /// Whether any proxy is set.
    public var isEmpty: Bool { https == nil && http == nil }

    /// The proxy for `url`, or `nil` to connect directly.
    public func server(for url: EndpointURL) -> ProxyServer? {
        guard let server = url.scheme == "https" ? https : http else { return nil }
        if url.isLoopback, !proxyLoopback { return nil }
        if noProxy.matches(host: url.host, port: url.port) { return nil }
        return server
    }
}

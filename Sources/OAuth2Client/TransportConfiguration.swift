/// Settings of ``AsyncHTTPTransport`` and the ``SharedHTTPClient`` under it.
public struct TransportConfiguration: Sendable, Equatable {
    /// Time to establish the TCP (and TLS) connection.
    public var connectTimeout: Duration
    /// Upper bound for a whole exchange when the caller gives no per-request deadline.
    public var totalTimeout: Duration
    /// Largest response body accepted; larger bodies fail with ``OAuth2ClientError/Code/responseTooLarge``.
    public var maxResponseBytes: Int
    /// Turns TLS certificate verification off. Refused for any host that is not loopback (tests only).
    public var insecure: Bool
    /// HTTP/1.1 connections kept to one host at once (AsyncHTTPClient's soft limit; its default is 8). `jwt conform`
    /// raises it to its concurrency so every endpoint in flight has its own connection on the one client.
    public var maxConnectionsPerHost: Int
    /// The proxies requests go through (``ProxyConfiguration/none``: every request connects directly).
    public var proxy: ProxyConfiguration
    /// A CA bundle that replaces the system's trust roots for every `https` request; `nil`: the system's roots.
    public var trustRoots: TrustRoots?

    public init(
        connectTimeout: Duration = .seconds(5),
        totalTimeout: Duration = .seconds(30),
        maxResponseBytes: Int = 1 << 20,
        insecure: Bool = false,
        maxConnectionsPerHost: Int = 8,
        proxy: ProxyConfiguration = .none,
        trustRoots: TrustRoots? = nil
    ) {
        self.maxConnectionsPerHost = maxConnectionsPerHost
        self.proxy = proxy
        self.trustRoots = trustRoots
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.maxResponseBytes = maxResponseBytes
        self.insecure = insecure
    }
}

extension Duration {
    /// Whole nanoseconds (saturating).
    var nanoseconds: Int64 {
        let (s, atto) = components
        let (ns, overflow) = s.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? Int64.max : ns &+ atto / 1_000_000_000
    }

    /// Seconds as a Double.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

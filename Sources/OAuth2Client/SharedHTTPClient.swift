import AsyncHTTPClient
import JOSECore
import NIOSSL
import Synchronization

/// The process's one AsyncHTTPClient `HTTPClient`: created on the first request (a command that makes none never
/// starts one) and shut down once, by whoever owns this value, with ``shutdown()`` — or by
/// ``withClient(configuration:_:)``, which does it on every path.
///
/// Every request of a process goes through the same client, so its connection pool is the only one: redirects are
/// never followed (a 3xx reaches the caller, RFC 6749 §3.2 token endpoints and RFC 8414 §3 key documents are not
/// redirected blindly), decompression is off (a small compressed body cannot grow past the body limit), and
/// ``TransportConfiguration/maxConnectionsPerHost`` bounds the connections to one host.
///
/// AsyncHTTPClient takes one proxy per `HTTPClient`, so there is one client per route — direct, through the
/// `HTTP_PROXY` server, through the `HTTPS_PROXY` server (``ProxyConfiguration/server(for:)`` picks it for each
/// request) — each started on its first request and all shut down together. Without proxies there is only the
/// direct one.
public final class SharedHTTPClient: Sendable {
    public let configuration: TransportConfiguration
    private let state = Mutex(State.running([:]))
    private let started = Mutex(0)

    private enum State: @unchecked Sendable {
        /// The clients started so far, by route (`nil`: direct).
        case running([ProxyServer?: HTTPClient])
        case shutDown
    }

    public init(configuration: TransportConfiguration = TransportConfiguration()) {
        self.configuration = configuration
    }

    /// Runs `body` with a new shared client and shuts it down afterwards, whether `body` returns or throws.
    public static func withClient<T>(
        configuration: TransportConfiguration = TransportConfiguration(),
        _ body: (SharedHTTPClient) async throws -> T
    ) async rethrows -> T {
        let shared = SharedHTTPClient(configuration: configuration)
        do {
            let value = try await body(shared)
            await shared.shutdown()
            return value
        } catch {
            await shared.shutdown()
            throw error
        }
    }

    /// Whether a client was started (and not yet shut down).
    public var isRunning: Bool {
        state.withLock { if case .running(let clients) = $0 { return !clients.isEmpty } else { return false } }
    }

    /// How many clients this value started: 0 when no request was made, at most one per route (direct, HTTP proxy,
    /// HTTPS proxy).
    public var clientsStarted: Int { started.withLock { $0 } }

    /// Whether ``shutdown()`` ran.
    public var isShutDown: Bool {
        state.withLock { if case .shutDown = $0 { return true } else { return false } }
    }

    /// The client for `url`'s route (see ``ProxyConfiguration/server(for:)``), started on first use. After
    /// ``shutdown()`` a request fails as a network error instead of starting a client that nobody would shut down.
    func client(for url: EndpointURL) throws(OAuth2ClientError) -> (client: HTTPClient, proxy: ProxyServer?) {
        let proxy = configuration.proxy.server(for: url)
        let client: HTTPClient? = state.withLock { state in
            guard case .running(var clients) = state else { return nil }
            if let client = clients[proxy] { return client }
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: Self.clientConfiguration(configuration, proxy: proxy))
            clients[proxy] = client
            state = .running(clients)
            started.withLock { $0 += 1 }
            return client
        }
        guard let client else { throw OAuth2ClientError(.network, "the HTTP client was already shut down") }
        return (client, proxy)
    }

    /// Closes the pooled connections and stops the clients; a no-op when none was started. Idempotent.
    public func shutdown() async {
        let clients: [HTTPClient] = state.withLock { state in
            defer { state = .shutDown }
            if case .running(let clients) = state { return Array(clients.values) }
            return []
        }
        for client in clients { try? await client.shutdown() }
    }

    /// The settings of one route's client: `proxy` is that route's proxy (`nil`: direct).
    static func clientConfiguration(_ configuration: TransportConfiguration, proxy: ProxyServer? = nil) -> HTTPClient.Configuration {
        let timeout = HTTPClient.Configuration.Timeout(connect: .nanoseconds(configuration.connectTimeout.nanoseconds))
        var tls = TLSConfiguration.makeClientConfiguration()
        // A CA bundle replaces the system's roots; verification stays on (``TransportConfiguration/insecure`` is
        // refused for hosts that are not loopback before a request starts).
        if let roots = configuration.trustRoots { tls.trustRoots = .certificates(roots.certificates) }
        if configuration.insecure { tls.certificateVerification = .none }
        var clientConfiguration = HTTPClient.Configuration(tlsConfiguration: tls, redirectConfiguration: .disallow, timeout: timeout)
        if let proxy {
            clientConfiguration.proxy = .server(
                host: proxy.host, port: proxy.port,
                authorization: proxy.credentials.map { .basic(credentials: JOSECore.Base64.encode(Array($0.value.utf8))) })
        }
        clientConfiguration.decompression = .disabled
        // A refused or unresolvable connection fails the request at once instead of being retried silently until
        // the connect timeout (5 s of "waiting" for a port nobody listens on); retries, where they help, are the
        // caller's bounded and reported ``RetryPolicy``.
        clientConfiguration.connectionPool.retryConnectionEstablishment = false
        clientConfiguration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = max(1, configuration.maxConnectionsPerHost)
        return clientConfiguration
    }
}

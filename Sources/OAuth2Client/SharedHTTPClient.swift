import AsyncHTTPClient
import Synchronization

/// The process's one AsyncHTTPClient `HTTPClient`: created on the first request (a command that makes none never
/// starts one) and shut down once, by whoever owns this value, with ``shutdown()`` — or by
/// ``withClient(configuration:_:)``, which does it on every path.
///
/// Every request of a process goes through the same client, so its connection pool is the only one: redirects are
/// never followed (a 3xx reaches the caller, RFC 6749 §3.2 token endpoints and RFC 8414 §3 key documents are not
/// redirected blindly), decompression is off (a small compressed body cannot grow past the body limit), and
/// ``TransportConfiguration/maxConnectionsPerHost`` bounds the connections to one host.
public final class SharedHTTPClient: Sendable {
    public let configuration: TransportConfiguration
    private let state = Mutex(State.idle)
    private let started = Mutex(0)

    private enum State: @unchecked Sendable {
        case idle
        case running(HTTPClient)
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
        state.withLock { if case .running = $0 { return true } else { return false } }
    }

    /// How many clients this value started: 0 when no request was made, never more than 1.
    public var clientsStarted: Int { started.withLock { $0 } }

    /// Whether ``shutdown()`` ran.
    public var isShutDown: Bool {
        state.withLock { if case .shutDown = $0 { return true } else { return false } }
    }

    /// The client, started on first use. After ``shutdown()`` a request fails as a network error instead of
    /// starting a second client that nobody would shut down.
    func client() throws(OAuth2ClientError) -> HTTPClient {
        let client: HTTPClient? = state.withLock { state in
            switch state {
            case .running(let client): return client
            case .shutDown: return nil
            case .idle:
                let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: Self.clientConfiguration(configuration))
                state = .running(client)
                started.withLock { $0 += 1 }
                return client
            }
        }
        guard let client else { throw OAuth2ClientError(.network, "the HTTP client was already shut down") }
        return client
    }

    /// Closes the pooled connections and stops the client; a no-op when none was started. Idempotent.
    public func shutdown() async {
        let client: HTTPClient? = state.withLock { state in
            defer { state = .shutDown }
            if case .running(let client) = state { return client }
            return nil
        }
        try? await client?.shutdown()
    }

    static func clientConfiguration(_ configuration: TransportConfiguration) -> HTTPClient.Configuration {
        let timeout = HTTPClient.Configuration.Timeout(connect: .nanoseconds(configuration.connectTimeout.nanoseconds))
        var clientConfiguration: HTTPClient.Configuration
        if configuration.insecure {
            clientConfiguration = HTTPClient.Configuration(certificateVerification: .none, redirectConfiguration: .disallow, timeout: timeout)
        } else {
            clientConfiguration = HTTPClient.Configuration(redirectConfiguration: .disallow, timeout: timeout)
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

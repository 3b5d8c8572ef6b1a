import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// The network ``HTTPTransport``, on swift-server's AsyncHTTPClient (see README design notes: shares swift-nio with the
/// Hummingbird mock, and measured ~2× faster per request than URLSession on Linux).
///
/// Redirects are never followed, so a 3xx reaches the caller (RFC 6749 §3.2 token endpoints must not be redirected
/// blindly). TLS certificate verification is on; ``TransportConfiguration/insecure`` turns it off for loopback only.
/// Each request goes directly or through its proxy (``ProxyConfiguration``), on the shared client of that route.
public final class AsyncHTTPTransport: HTTPTransport {
    public let configuration: TransportConfiguration
    private let http: SharedHTTPClient
    /// Whether ``shutdown()`` stops the client: only for a transport that made its own.
    private let ownsClient: Bool

    /// A transport with its own client (started on the first request); call ``shutdown()`` once when done.
    public init(configuration: TransportConfiguration = TransportConfiguration()) {
        self.configuration = configuration
        self.http = SharedHTTPClient(configuration: configuration)
        self.ownsClient = true
    }

    /// A transport over the process's shared client; its owner shuts it down, not this transport.
    public init(shared http: SharedHTTPClient) {
        self.configuration = http.configuration
        self.http = http
        self.ownsClient = false
    }

    /// Closes pooled connections of a client this transport owns; a no-op over a shared one.
    public func shutdown() async {
        if ownsClient { await http.shutdown() }
    }

    public func send(_ request: HTTPTransportRequest, timeout: Duration?) async throws(OAuth2ClientError) -> HTTPTransportResponse {
        let url = try EndpointURL(request.url)
        if configuration.insecure && url.scheme == "https" && !url.isLoopback {
            throw OAuth2ClientError(.insecureRefused, "insecure TLS is only allowed for loopback hosts, not \(url.host)")
        }
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for field in request.headers { outgoing.headers.add(name: field.name, value: field.value) }
        if !request.body.isEmpty || request.method == "POST" {
            outgoing.body = .bytes(ByteBuffer(bytes: request.body))
        }
        let limit = timeout.map { min($0, configuration.totalTimeout) } ?? configuration.totalTimeout
        let deadline = NIODeadline.now() + .nanoseconds(limit.nanoseconds)
        let clock = ContinuousClock()
        let start = clock.now
        let (client, proxy) = try http.client(for: url)
        do {
            let response = try await client.execute(outgoing, deadline: deadline)
            if let length = response.headers.first(name: "content-length").flatMap(Int.init), length > configuration.maxResponseBytes {
                throw OAuth2ClientError(.responseTooLarge, "response body of \(length) bytes is over the \(configuration.maxResponseBytes)-byte limit", status: Int(response.status.code))
            }
            var buffer = try await response.body.collect(upTo: configuration.maxResponseBytes)
            let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
            let headers = response.headers.map { HTTPHeaderField($0.name, $0.value) }
            return HTTPTransportResponse(status: Int(response.status.code), headers: headers, body: bytes, latency: (clock.now - start).seconds)
        } catch let error as OAuth2ClientError {
            throw error
        } catch {
            let failure = ConnectionFailure.classify(error, host: url.host, limits: .init(exchange: limit, connect: configuration.connectTimeout, maxBytes: configuration.maxResponseBytes))
            // Through a proxy, "connection refused" may be the proxy's: say which way the request went.
            guard let proxy else { throw failure }
            throw OAuth2ClientError(failure.code, "\(failure.message) (through the proxy \(proxy))", status: failure.status)
        }
    }
}

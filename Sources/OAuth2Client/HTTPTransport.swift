/// Sends one HTTP request and returns the whole response, or a typed ``OAuth2ClientError``.
///
/// Implementations: ``AsyncHTTPTransport`` (the network), ``RetryingTransport`` (retry policy around another one),
/// ``LoggingTransport`` (redacted `--verbose` logging), and test doubles.
public protocol HTTPTransport: Sendable {
    /// - Parameter timeout: the per-request deadline, from now; `nil` uses the transport's total timeout.
    func send(_ request: HTTPTransportRequest, timeout: Duration?) async throws(OAuth2ClientError) -> HTTPTransportResponse
}

extension HTTPTransport {
    public func send(_ request: HTTPTransportRequest) async throws(OAuth2ClientError) -> HTTPTransportResponse {
        try await send(request, timeout: nil)
    }
}

/// Asks a token endpoint for a token in a given style, through an injected ``HTTPTransport``.
public struct TokenClient: Sendable {
    public let transport: any HTTPTransport
    /// Per-request deadline.
    public var timeout: Duration?

    public init(transport: any HTTPTransport, timeout: Duration? = nil) {
        self.transport = transport
        self.timeout = timeout
    }

    /// One token request (RFC 6749 §4.4.2) and its parsed answer (§5.1 / §5.2).
    public func requestToken(style: some TokenEndpointStyle, endpoint: String, credentials: ClientCredentials) async throws(OAuth2ClientError) -> TokenResponse {
        let request = style.makeRequest(endpoint: endpoint, credentials: credentials)
        let response = try await transport.send(request, timeout: timeout)
        return try TokenResponse.parse(response, knownExtraFields: style.knownExtraFields)
    }

    /// The same, with an existential style (from a suite's style name).
    public func requestToken(anyStyle style: any TokenEndpointStyle, endpoint: String, credentials: ClientCredentials) async throws(OAuth2ClientError) -> TokenResponse {
        let request = style.makeRequest(endpoint: endpoint, credentials: credentials)
        let response = try await transport.send(request, timeout: timeout)
        return try TokenResponse.parse(response, knownExtraFields: style.knownExtraFields)
    }
}

/// A key document as read from the network: the bytes of a JWK Set (RFC 7517 §5), not yet judged — deciding what
/// in it is a usable key is `JOSECore.KeyLoader`'s job, for files and URLs alike.
public struct KeyDocument: Sendable, Equatable {
    /// The body as received (at most ``KeyDocumentLoader/maxDocumentBytes``).
    public let bytes: [UInt8]
    /// The URL it was read from: the JWKS URL given, or the discovered `jwks_uri`.
    public let source: String
    /// The metadata that named `source`, when the key source was an issuer.
    public let metadata: AuthorizationServerMetadata?
    /// The response's `Cache-Control`, for a caller that keeps keys across runs.
    public let cacheControl: String?

    public init(bytes: [UInt8], source: String, metadata: AuthorizationServerMetadata? = nil, cacheControl: String? = nil) {
        self.bytes = bytes
        self.source = source
        self.metadata = metadata
        self.cacheControl = cacheControl
    }
}

/// The outcome of one ``KeyDocumentLoader/fetch(_:insecureHTTP:deadline:requestTimeout:)``, as a value: the document
/// or the failure, and — either way — what the fetch cost on the network.
public struct KeyDocumentFetch: Sendable {
    /// The document, or why there is none (the error's message names the URL and the reason; its code's class says
    /// unreachable or malformed).
    public let result: Result<KeyDocument, OAuth2ClientError>
    /// Seconds spent in requests (metadata candidates and the JWK Set together), failed ones included.
    public let networkSeconds: Double
    /// Requests sent, in order.
    public let requested: [String]
    /// Whether the fetch stopped because its deadline passed (rather than a request's own timeout or any answer).
    public let deadlineReached: Bool

    public init(result: Result<KeyDocument, OAuth2ClientError>, networkSeconds: Double, requested: [String], deadlineReached: Bool) {
        self.result = result
        self.networkSeconds = networkSeconds
        self.requested = requested
        self.deadlineReached = deadlineReached
    }

    /// The document, or the failure thrown.
    public func get() throws(OAuth2ClientError) -> KeyDocument {
        switch result {
        case .success(let document): document
        case .failure(let error): throw error
        }
    }
}

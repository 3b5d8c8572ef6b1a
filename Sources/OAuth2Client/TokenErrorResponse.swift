import JOSECore

/// An RFC 6749 §5.2 error response: `error` (required), `error_description`, `error_uri`, as sent.
public struct TokenErrorResponse: Sendable, Equatable {
    public let status: Int
    /// The `error` code (`invalid_client`, `invalid_request`, …); `nil` when the body had none.
    public let error: String?
    public let errorDescription: String?
    public let errorURI: String?
    /// The `WWW-Authenticate` header (RFC 6749 §5.2 requires it with 401 for HTTP authentication schemes).
    public let wwwAuthenticate: String?
    /// Whether the body was a JSON object at all.
    public let bodyIsJSON: Bool

    /// The RFC 6749 §5.2 `error` codes.
    public static let registeredCodes: Set<String> = [
        "invalid_request", "invalid_client", "invalid_grant", "unauthorized_client", "unsupported_grant_type", "invalid_scope",
    ]

    public init(status: Int, error: String?, errorDescription: String? = nil, errorURI: String? = nil, wwwAuthenticate: String? = nil, bodyIsJSON: Bool = true) {
        self.status = status
        self.error = error
        self.errorDescription = errorDescription
        self.errorURI = errorURI
        self.wwwAuthenticate = wwwAuthenticate
        self.bodyIsJSON = bodyIsJSON
    }

    /// Reads an error body; keeps whatever fields are there.
    public init(response: HTTPTransportResponse) {
        let object = (try? JSONParser().parse(response.body, context: "error body"))?.objectValue
        self.init(
            status: response.status,
            error: object?["error"]?.stringValue,
            errorDescription: object?["error_description"]?.stringValue.map { String($0.prefix(300)) },
            errorURI: object?["error_uri"]?.stringValue,
            wwwAuthenticate: response.header("WWW-Authenticate"),
            bodyIsJSON: object != nil
        )
    }

    /// `error` is one of the registered codes.
    public var isRegisteredCode: Bool { error.map(Self.registeredCodes.contains) ?? false }
}

import JOSECore

/// Authorization server metadata (RFC 8414 §2) or OpenID Provider metadata (OpenID Connect Discovery 1.0 §3).
public struct AuthorizationServerMetadata: Sendable, Equatable {
    public let issuer: String
    public let tokenEndpoint: String?
    public let jwksURI: String?
    public let tokenEndpointAuthMethods: [String]?
    public let scopesSupported: [String]?
    /// The whole document.
    public let document: JSONObject
    /// The URL it was read from.
    public let source: String

    public init(document: JSONObject, source: String) throws(OAuth2ClientError) {
        guard let issuer = document["issuer"]?.stringValue else {
            throw OAuth2ClientError(.discovery, "\(source): metadata has no string \"issuer\" (RFC 8414 §2)")
        }
        self.issuer = issuer
        self.tokenEndpoint = document["token_endpoint"]?.stringValue
        self.jwksURI = document["jwks_uri"]?.stringValue
        self.tokenEndpointAuthMethods = document["token_endpoint_auth_methods_supported"]?.arrayValue?.compactMap(\.stringValue)
        self.scopesSupported = document["scopes_supported"]?.arrayValue?.compactMap(\.stringValue)
        self.document = document
        self.source = source
    }
}

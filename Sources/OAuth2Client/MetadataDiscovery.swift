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
            throw OAuth2ClientError(.discovery, "metadata at \(source) has no issuer")
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

/// Fetches metadata: RFC 8414 §3.1 (`/.well-known/oauth-authorization-server` inserted before the issuer's path),
/// then OIDC Discovery §4 (`{issuer}/.well-known/openid-configuration`). The `issuer` in the document must equal
/// the issuer asked for (RFC 8414 §3.3).
public struct MetadataDiscovery: Sendable {
    public let transport: any HTTPTransport
    public var timeout: Duration?

    public init(transport: any HTTPTransport, timeout: Duration? = nil) {
        self.transport = transport
        self.timeout = timeout
    }

    /// The two candidate URLs for `issuer`, RFC 8414 first.
    public static func candidates(issuer: String) throws(OAuth2ClientError) -> [String] {
        let url = try EndpointURL(issuer)
        let path = url.pathAndQuery == "/" ? "" : url.pathAndQuery
        let trimmed = issuer.hasSuffix("/") ? String(issuer.dropLast()) : issuer
        return [url.origin + "/.well-known/oauth-authorization-server" + path, trimmed + "/.well-known/openid-configuration"]
    }

    public func discover(issuer: String) async throws(OAuth2ClientError) -> AuthorizationServerMetadata {
        var lastError = OAuth2ClientError(.discovery, "no metadata found for \(issuer)")
        for candidate in try Self.candidates(issuer: issuer) {
            do throws(OAuth2ClientError) {
                let metadata = try await fetch(candidate)
                // RFC 8414 §3.3: "MUST be identical" — byte for byte; a trailing slash is a different issuer.
                guard ExactText.equal(issuer, metadata.issuer) else {
                    throw OAuth2ClientError(.discovery, "metadata issuer \(metadata.issuer) differs from \(issuer) (RFC 8414 §3.3)")
                }
                return metadata
            } catch {
                if error.code == .network || error.code == .timeout { throw error }
                lastError = error
            }
        }
        throw lastError
    }

    /// Reads one metadata document.
    public func fetch(_ url: String) async throws(OAuth2ClientError) -> AuthorizationServerMetadata {
        let response = try await transport.send(HTTPTransportRequest(method: "GET", url: url, headers: [HTTPHeaderField("Accept", "application/json")]), timeout: timeout)
        guard response.status == 200 else { throw OAuth2ClientError(.discovery, "\(url) answered \(response.status)", status: response.status) }
        guard let object = (try? JSONParser().parse(response.body, context: "metadata"))?.objectValue else {
            throw OAuth2ClientError(.discovery, "\(url) is not a JSON object", status: response.status)
        }
        return try AuthorizationServerMetadata(document: object, source: url)
    }
}

/// Fetches a JWK Set document (RFC 7517 §5) from `jwks_uri`.
public struct JWKSFetcher: Sendable {
    public let transport: any HTTPTransport
    public var timeout: Duration?

    public init(transport: any HTTPTransport, timeout: Duration? = nil) {
        self.transport = transport
        self.timeout = timeout
    }

    /// The JWK Set as JSON (`{"keys":[…]}`), with the response's `Cache-Control` for the caller to honour.
    public func fetch(_ url: String) async throws(OAuth2ClientError) -> (jwks: JSONObject, cacheControl: String?) {
        let response = try await transport.send(HTTPTransportRequest(method: "GET", url: url, headers: [HTTPHeaderField("Accept", "application/json")]), timeout: timeout)
        guard response.status == 200 else {
            throw OAuth2ClientError(.endpointError, "JWKS \(url) answered \(response.status)", status: response.status)
        }
        guard let object = (try? JSONParser().parse(response.body, context: "JWKS"))?.objectValue, object["keys"]?.arrayValue != nil else {
            throw OAuth2ClientError(.malformedResponse, "JWKS \(url) is not a JSON object with a keys array", status: response.status)
        }
        return (object, response.header("Cache-Control"))
    }
}

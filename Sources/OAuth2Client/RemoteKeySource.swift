/// Where a verifier's keys are published on the network.
public enum RemoteKeySource: Sendable, Equatable {
    /// A JWK Set document's URL (RFC 7517 §5).
    case jwksURL(String)
    /// An issuer whose metadata names the JWK Set in `jwks_uri`: RFC 8414 §3, then OpenID Connect Discovery 1.0 §4.
    case issuer(String)

    /// The URL or issuer as given.
    public var text: String {
        switch self {
        case .jwksURL(let url): url
        case .issuer(let issuer): issuer
        }
    }
}

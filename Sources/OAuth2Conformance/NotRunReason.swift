/// Why a check could not run for an endpoint, as a value: the judge decides from the case alone what a report shows
/// (a check cut off by the endpoint deadline fails; the others are skipped with ``text``). Distinct from a skip for
/// something the suite did not configure, which says nothing about the endpoint.
public enum NotRunReason: Sendable, Equatable, Hashable {
    /// The endpoint deadline (`timeout`) passed before the check's request could be sent.
    case deadline
    /// The token endpoint gave no HTTP answer (connection refused, timeout, refused URL), so nothing after it ran.
    case unreachable
    /// The token request was answered with this non-200 status (RFC 6749 §5.2): there is no token to check.
    case tokenRequestFailed(status: Int)
    /// The token response body is not a JSON object (RFC 6749 §5.1).
    case responseNotJSON
    /// The token response carries no (non-empty string) `access_token`.
    case noAccessToken
    /// The access token is not a compact JWS with a JSON claims set (RFC 7519 §7.2), so its claims cannot be read.
    case notAJWT

    /// How reports show the reason (skip message); stable, since reports are compared across runs.
    public var text: String {
        switch self {
        case .deadline: "not run (endpoint deadline)"
        case .unreachable: "no token response"
        case .tokenRequestFailed(let status): "token request failed with HTTP \(status)"
        case .responseNotJSON: "the response body is not a JSON object"
        case .noAccessToken: "no access token"
        case .notAJWT: "the access token is not a readable JWT"
        }
    }
}

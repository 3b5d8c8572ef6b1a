/// What a rule is about, as a type: callers that need "the signature findings" or "the time findings" (the
/// conformance checks, a renderer) select by group, never by the shape of a rule id.
public enum RuleGroup: String, Sendable, Equatable, Hashable, CaseIterable {
    /// The token is a usable JWT: a JSON claims set (RFC 7519 §7.2), registered claim types (§4.1), NumericDates
    /// (§2), understood `crit` (RFC 7515 §4.1.11), no unencoded payload (RFC 7797 §7).
    case structure
    /// The header's `alg` is allowed (RFC 8725 §3.1).
    case algorithm
    /// The signature verifies with a key of a fitting type, never one the token names itself (RFC 7515 §5.2,
    /// RFC 8725 §3.1, §3.10).
    case signature
    /// Explicit typing: the header `typ` (RFC 8725 §3.11).
    case type
    /// `iss` (RFC 7519 §4.1.1).
    case issuer
    /// `aud` (RFC 7519 §4.1.3).
    case audience
    /// `sub` (RFC 7519 §4.1.2).
    case subject
    /// `exp`, `nbf`, `iat` against the clock (RFC 7519 §4.1.4–4.1.6).
    case time
    /// The lifetime `exp` − `iat` against a maximum (RFC 9068 §4 "short-lived").
    case lifetime
    /// Claims the caller requires (RFC 7519 §4: which claims are required is the application's decision).
    case requiredClaims
    /// Claims a profile requires of the token (RFC 9068 §2.2).
    case profile
    /// Granted scopes (RFC 6749 §3.3, RFC 9068 §2.2.3).
    case scope
}

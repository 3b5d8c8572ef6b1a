/// `PROF-01`: with the `rfc9068` profile, the claims RFC 9068 §2.2 requires of a JWT access token are present:
/// `iss`, `exp`, `aud`, `sub`, `client_id`, `iat`, `jti` (the `at+jwt` typ is checked by ``TypeRule``, §2.1).
public struct AccessTokenProfileRule: ValidationRule {
    public let id = "PROF-01"
    public let group = RuleGroup.profile
    public static let requiredClaims = ["iss", "exp", "aud", "sub", "client_id", "iat", "jti"]
    public init() {}

    public func evaluate(_ context: ValidationContext) -> Finding {
        let section = "RFC 9068 §2.2"
        guard context.options.profile == .rfc9068 else { return skip(context, "no profile given", section, setting: .profile) }
        guard let claims = context.claims else { return fail(context, "no claims set", section) }
        let missing = Self.requiredClaims.filter { claims.json[$0] == nil }
        if missing.isEmpty { return pass(context, "RFC 9068 required claims present", section) }
        return fail(context, "RFC 9068 access token lacks required claims: \(missing.joined(separator: ", "))", section)
    }
}

/// `SCOPE-02`: nothing is granted beyond ``ValidationOptions/allowedScopes`` (least privilege, RFC 9068 §2.2.3 / RFC 6749 §3.3).
public struct AllowedScopesRule: ValidationRule {
    public let id = "SCOPE-02"
    public let group = RuleGroup.scope
    public init() {}

    public func evaluate(_ context: ValidationContext) -> Finding {
        let section = "RFC 6749 §3.3"
        guard let allowed = context.options.allowedScopes else { return skip(context, "no allowed scopes given", section, setting: .allowedScopes) }
        let excess = context.scopes.excess(allowed)
        if excess.isEmpty { return pass(context, "no scope granted beyond the allowed set", section) }
        return fail(context, "granted beyond the allowed set: \(excess.joined(separator: " "))", section)
    }
}

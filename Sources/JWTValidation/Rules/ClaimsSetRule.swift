/// `JWT-01`: the payload is a JWT Claims Set, a JSON object (RFC 7519 §7.2 steps 9–10).
public struct ClaimsSetRule: ValidationRule {
    public let id = "JWT-01"
    public let group = RuleGroup.structure
    public init() {}

    public func evaluate(_ context: ValidationContext) -> Finding {
        let section = "RFC 7519 §7.2"
        if case .some = context.claims { return pass(context, "payload is a JSON claims set", section) }
        if case .failure(let error) = context.token.claims { return fail(context, error.message, section) }
        return fail(context, "payload is not a JSON claims set", section)
    }
}

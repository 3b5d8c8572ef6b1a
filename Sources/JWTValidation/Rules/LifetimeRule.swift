/// `LIFE-01`: the token's lifetime is at most ``ValidationOptions/maxLifetime``: `exp` minus `iat` (or `nbf`), or,
/// without either, `exp` minus now (RFC 7519 §4.1.4, §4.1.6; RFC 9068 §4 "short-lived").
public struct LifetimeRule: ValidationRule {
    public let id = "LIFE-01"
    public let group = RuleGroup.lifetime
    public init() {}

    public func evaluate(_ context: ValidationContext) -> Finding {
        let section = "RFC 7519 §4.1.4"
        guard let max = context.options.maxLifetime else { return skip(context, "no maximum lifetime given", section, setting: .maxLifetime) }
        guard let claims = context.claims else { return skip(context, "no claims set", section) }
        guard let exp = claims.exp else {
            return fail(context, "no usable exp: the lifetime is unbounded (max \(TimeText.seconds(max)))", section)
        }
        let start = claims.iat ?? claims.nbf
        let lifetime = exp.seconds - (start?.seconds ?? context.options.now)
        let from = claims.iat != nil ? "iat" : claims.nbf != nil ? "nbf" : "now"
        if lifetime > max {
            return fail(context, "lifetime \(TimeText.seconds(lifetime)) (exp − \(from)) exceeds the maximum of \(TimeText.seconds(max))", section)
        }
        return pass(context, "lifetime \(TimeText.seconds(lifetime)) (exp − \(from)) is within \(TimeText.seconds(max))", section)
    }
}

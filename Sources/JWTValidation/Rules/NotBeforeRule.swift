/// `NBF-01`: the token is already valid: `now + leeway >= nbf` (RFC 7519 §4.1.5).
public struct NotBeforeRule: ValidationRule {
    public let id = "NBF-01"
    public let group = RuleGroup.time
    public init() {}

    public func evaluate(_ context: ValidationContext) -> Finding {
        let section = "RFC 7519 §4.1.5"
        guard let claims = context.claims else { return skip(context, "no claims set", section) }
        let options = context.options
        guard let nbf = claims.nbf else {
            if claims.json["nbf"] != nil { return fail(context, "nbf is not a NumericDate", section) }
            return skip(context, "no nbf", section)
        }
        let delta = nbf.seconds - options.now
        if delta > options.leeway {
            return fail(context, "not yet valid: nbf \(nbf.text) is \(TimeText.seconds(delta)) after now (leeway \(TimeText.seconds(options.leeway)))", section)
        }
        return pass(context, "valid since nbf \(nbf.text)", section)
    }
}

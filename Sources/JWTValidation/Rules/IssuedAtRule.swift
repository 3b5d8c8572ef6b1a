/// `IAT-01`: the token was not issued in the future: `iat <= now + leeway` (RFC 7519 §4.1.6, RFC 8725 §3.10
/// asks to reject tokens whose times make no sense).
public struct IssuedAtRule: ValidationRule {
    public let id = "IAT-01"
    public let group = RuleGroup.time
    public init() {}

    public func evaluate(_ context: ValidationContext) -> Finding {
        let section = "RFC 7519 §4.1.6"
        guard let claims = context.claims else { return skip(context, "no claims set", section) }
        let options = context.options
        guard let iat = claims.iat else {
            if claims.json["iat"] != nil { return fail(context, "iat is not a NumericDate", section) }
            return skip(context, "no iat", section)
        }
        let delta = iat.seconds - options.now
        if delta > options.leeway {
            return fail(context, "issued in the future: iat \(iat.text) is \(TimeText.seconds(delta)) after now (leeway \(TimeText.seconds(options.leeway)))", section)
        }
        if let exp = claims.exp, exp.seconds < iat.seconds {
            return fail(context, "exp \(exp.text) is before iat \(iat.text)", section)
        }
        return pass(context, "issued \(TimeText.seconds(-delta)) ago", section)
    }
}

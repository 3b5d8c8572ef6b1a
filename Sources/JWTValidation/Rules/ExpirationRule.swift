import JOSECore

/// `EXP-01`: the token has not expired: `now < exp + leeway` (RFC 7519 §4.1.4). A missing `exp` fails unless
/// ``ValidationOptions/allowMissingExp``.
public struct ExpirationRule: ValidationRule {
    public let id = "EXP-01"
    public let group = RuleGroup.time
    public init() {}

    public func evaluate(_ context: ValidationContext) -> Finding {
        let section = "RFC 7519 §4.1.4"
        guard let claims = context.claims else { return skip(context, "no claims set", section) }
        let options = context.options
        guard let exp = claims.exp else {
            if claims.json["exp"] != nil { return fail(context, "exp is not a NumericDate: treated as invalid, not as absent", section) }
            if options.allowMissingExp { return warn(context, "no exp: the token never expires, which the options allow", section, setting: .allowMissingExp) }
            return fail(context, "no exp: the token never expires", section, setting: .allowMissingExp)
        }
        if exp.isOutOfRange, let problem = exp.rangeProblem("exp") {
            return fail(context, "\(problem): not a usable NumericDate (RFC 7519 §2)", section)
        }
        let delta = exp.seconds - options.now
        if options.now >= exp.seconds + options.leeway {
            return fail(context, "expired: exp \(exp.text) is \(TimeText.seconds(-delta)) before now (leeway \(TimeText.seconds(options.leeway)))", section)
        }
        if delta <= 0 {
            return warn(context, "exp \(exp.text) has passed by \(TimeText.seconds(-delta)), within the leeway of \(TimeText.seconds(options.leeway))", section)
        }
        return pass(context, "not expired: exp \(exp.text) is \(TimeText.seconds(delta)) after now", section)
    }
}

/// Durations in messages: whole seconds (to the millisecond below 10 s).
enum TimeText {
    static func seconds(_ value: Double) -> String {
        guard value.isFinite else { return "\(value) s" }
        if abs(value) >= 10 || value == value.rounded() { return "\(CheckedInteger.text(value)) s" }
        return "\((value * 1000).rounded() / 1000) s"
    }
}

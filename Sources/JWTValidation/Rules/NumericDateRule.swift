import JOSECore

/// `DATE-01`: `exp`, `nbf`, `iat` (and `auth_time`) are NumericDates, i.e. JSON numbers (RFC 7519 §2): a string
/// such as `"exp": "1700000000"` is refused, never coerced; a number outside the years 1…9999 (even read as
/// milliseconds) is refused too: "exp 1e19 is past the year 9999".
public struct NumericDateRule: ValidationRule {
    public let id = "DATE-01"
    public let group = RuleGroup.structure
    public init() {}

    public func evaluate(_ context: ValidationContext) -> Finding {
        let section = "RFC 7519 §2"
        guard let claims = context.claims else { return skip(context, "no claims set", section) }
        let errors = claims.typeErrors.filter { JWTClaims.dateClaims.contains($0.claim) }
        if !errors.isEmpty { return fail(context, errors.map(\.message).joined(separator: "; "), section) }
        // One pass over the date claims; the lists stay empty (unallocated) for a usual token.
        var outOfRange: [String] = []
        var millis: [String] = []
        for name in JWTClaims.dateClaims {
            guard let date = claims.date(name) else { continue }
            if date.isOutOfRange, let problem = date.rangeProblem(name) { outOfRange.append(problem) }
            if date.looksLikeMilliseconds { millis.append(name) }
        }
        if !outOfRange.isEmpty { return fail(context, outOfRange.joined(separator: "; "), section) }
        if !millis.isEmpty {
            return warn(context, "\(millis.joined(separator: ", ")) look like milliseconds, not seconds", section)
        }
        return pass(context, "time claims are JSON numbers", section)
    }
}

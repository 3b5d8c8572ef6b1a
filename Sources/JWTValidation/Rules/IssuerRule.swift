import JOSECore

/// `ISS-01`: `iss` equals the expected issuer exactly (RFC 7519 §4.1.1; RFC 8725 §3.8): no case folding, no
/// trailing-slash or prefix leniency, no Unicode normalization (UTF-8 bytes compared).
public struct IssuerRule: ValidationRule {
    public let id = "ISS-01"
    public let group = RuleGroup.issuer
    public init() {}

    public func evaluate(_ context: ValidationContext) -> Finding {
        let section = "RFC 7519 §4.1.1"
        guard let expected = context.options.issuer else { return skip(context, "no expected issuer given", section, setting: .issuer) }
        guard let claims = context.claims else { return fail(context, "no claims set: iss cannot be checked", section) }
        guard let iss = claims.iss else {
            return fail(context, claims.json["iss"] == nil ? "no iss claim; expected \"\(expected)\"" : "iss is not a string", section)
        }
        if ExactText.equal(iss, expected) { return pass(context, "iss is \"\(iss)\"", section) }
        return fail(context, "iss \"\(ExternalText.truncated(iss))\" is not \"\(expected)\"", section)
    }
}

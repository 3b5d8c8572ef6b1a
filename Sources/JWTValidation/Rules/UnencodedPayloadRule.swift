/// `B64-01`: the payload is base64url-encoded. RFC 7797 §7: JWTs MUST NOT use `"b64": false`; and §6 requires
/// `b64` to be listed in `crit` whenever it is used.
public struct UnencodedPayloadRule: ValidationRule {
    public let id = "B64-01"
    public let group = RuleGroup.structure
    public init() {}

    public func evaluate(_ context: ValidationContext) -> Finding {
        let section = "RFC 7797 §7"
        switch context.token.header.b64 {
        case nil: return pass(context, "payload is base64url-encoded", section)
        case true?:
            if context.token.header.crit?.contains("b64") != true {
                return warn(context, "b64 is present but not listed in crit (RFC 7797 §6)", section)
            }
            return pass(context, "b64 is true: payload is base64url-encoded", section)
        case false?:
            return fail(context, "b64 is false (unencoded payload): refused, a JWT must not use it", section)
        }
    }
}

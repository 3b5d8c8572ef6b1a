import JOSECore

/// `SUB-01`: `sub` equals the expected subject exactly (RFC 7519 §4.1.2): UTF-8 bytes, no Unicode normalization.
public struct SubjectRule: ValidationRule {
    public let id = "SUB-01"
    public let group = RuleGroup.subject
    public init() {}

    public func evaluate(_ context: ValidationContext) -> Finding {
        let section = "RFC 7519 §4.1.2"
        guard let expected = context.options.subject else { return skip(context, "no expected subject given", section, setting: .subject) }
        guard let sub = context.claims?.sub else { return fail(context, "no string sub claim; expected \"\(expected)\"", section) }
        if ExactText.equal(sub, expected) { return pass(context, "sub is \"\(sub)\"", section) }
        return fail(context, "sub \"\(ExternalText.truncated(sub))\" is not \"\(expected)\"", section)
    }
}

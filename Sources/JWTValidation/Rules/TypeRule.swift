import JOSECore

/// `TYP-01`: the header `typ` is the expected one (RFC 8725 §3.11 explicit typing): compared case-insensitively,
/// ASCII letters only, with an `application/` prefix implied on either side (RFC 7515 §4.1.9). The `rfc9068` profile expects `at+jwt`.
public struct TypeRule: ValidationRule {
    public let id = "TYP-01"
    public let group = RuleGroup.type
    public init() {}

    public func evaluate(_ context: ValidationContext) -> Finding {
        let section = "RFC 8725 §3.11"
        let expected = context.options.type ?? (context.options.profile == .rfc9068 ? "at+jwt" : nil)
        guard let expected else { return skip(context, "no expected typ given", section, setting: .type) }
        guard let typ = context.token.header.typ else { return fail(context, "no typ header; expected \"\(expected)\"", section) }
        if ExactText.equal(Self.normalize(typ), Self.normalize(expected)) { return pass(context, "typ is \"\(typ)\"", section) }
        return fail(context, "typ \"\(ExternalText.truncated(typ))\" is not \"\(expected)\"", section)
    }

    /// ASCII-lower-cased media type without an `application/` prefix (RFC 7515 §4.1.9: media types are
    /// case-insensitive; only ASCII letters are folded, nothing else is normalized).
    public static func normalize(_ typ: String) -> String {
        let lower = ExactText.asciiLowercased(typ)
        let prefix = "application/".utf8
        return lower.utf8.starts(with: prefix) ? String(decoding: lower.utf8.dropFirst(prefix.count), as: UTF8.self) : lower
    }
}

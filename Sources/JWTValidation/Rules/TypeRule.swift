import JOSECore

/// `TYP-01`: the header `typ` is the expected one (RFC 8725 §3.11 explicit typing): compared case-insensitively,
/// with an `application/` prefix implied on either side (RFC 7515 §4.1.9). The `rfc9068` profile expects `at+jwt`.
public struct TypeRule: ValidationRule {
    public let id = "TYP-01"
    public init() {}

    public func evaluate(_ context: ValidationContext) -> Finding {
        let section = "RFC 8725 §3.11"
        let expected = context.options.type ?? (context.options.profile == .rfc9068 ? "at+jwt" : nil)
        guard let expected else { return skip("no expected typ given (--typ)", section) }
        guard let typ = context.token.header.typ else { return fail("no typ header; expected \"\(expected)\"", section) }
        if Self.normalize(typ) == Self.normalize(expected) { return pass("typ is \"\(typ)\"", section) }
        return fail("typ \"\(ExternalText.truncated(typ))\" is not \"\(expected)\"", section)
    }

    /// Lower-cased media type without an `application/` prefix.
    public static func normalize(_ typ: String) -> String {
        let lower = typ.lowercased()
        return lower.hasPrefix("application/") ? String(lower.dropFirst("application/".count)) : lower
    }
}

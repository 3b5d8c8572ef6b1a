import JOSECore

/// `AUD-01`: the token's `aud` (a string or an array) contains one of the expected audiences, compared as whole
/// strings, byte for byte (RFC 7519 §4.1.3, §2 StringOrURI): `api` does not match `api.evil` or `https://api`, nor the reverse. When `aud` is
/// present but no audience is configured, a warning: RFC 7519 §4.1.3 says such a recipient must reject it.
public struct AudienceRule: ValidationRule {
    public let id = "AUD-01"
    public let group = RuleGroup.audience
    public init() {}

    public func evaluate(_ context: ValidationContext) -> Finding {
        let section = "RFC 7519 §4.1.3"
        let expected = context.options.audiences
        guard let claims = context.claims else {
            return expected.isEmpty ? skip(context, "no claims set", section) : fail(context, "no claims set: aud cannot be checked", section)
        }
        if expected.isEmpty {
            if let aud = claims.aud {
                return warn(context, "token has aud \(Self.list(aud)) but no expected audience was given", section, setting: .audiences)
            }
            return skip(context, "no expected audience given", section, setting: .audiences)
        }
        guard let aud = claims.aud else {
            return fail(context, claims.json["aud"] == nil ? "no aud claim; expected one of \(Self.list(expected))" : "aud is neither a string nor an array of strings", section)
        }
        if let match = aud.first(where: { ExactText.contains(expected, $0) }) {
            return pass(context, "aud contains \"\(match)\"", section)
        }
        return fail(context, "aud \(Self.list(aud)) contains none of \(Self.list(expected))", section)
    }

    static func list(_ values: [String]) -> String {
        "[" + values.prefix(10).map { "\"\(ExternalText.truncated($0))\"" }.joined(separator: ", ") + (values.count > 10 ? ", …" : "") + "]"
    }
}

import JOSECore

/// `CRIT-01`: every name in `crit` is understood (RFC 7515 §4.1.11). The only extension understood is `b64`
/// (RFC 7797 §6), and a JWT may not use `b64: false` anyway (``UnencodedPayloadRule``).
public struct CriticalHeaderRule: ValidationRule {
    public let id = "CRIT-01"
    public let group = RuleGroup.structure
    /// Header parameters this implementation understands when listed in `crit`.
    public static let understood: Set<String> = ["b64"]
    public init() {}

    public func evaluate(_ context: ValidationContext) -> Finding {
        let section = "RFC 7515 §4.1.11"
        guard let crit = context.token.header.crit else { return pass(context, "no crit header", section) }
        let unknown = crit.filter { !Self.understood.contains($0) }
        if !unknown.isEmpty {
            return fail(context, "crit names extensions this verifier does not understand: \(unknown.map { "\"\($0)\"" }.joined(separator: ", "))", section)
        }
        let absent = crit.filter { context.token.header.json[$0] == nil }
        if !absent.isEmpty {
            return fail(context, "crit lists \(absent.map { "\"\($0)\"" }.joined(separator: ", ")) but the header does not contain it", section)
        }
        return pass(context, "crit names only understood extensions: \(crit.joined(separator: ", "))", section)
    }
}

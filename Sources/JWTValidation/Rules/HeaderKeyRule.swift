/// `HKEY-01`: keys the token names itself (`jwk`, `jku`, `x5u`, `x5c`) are not trusted (RFC 8725 §3.10,
/// RFC 7515 §4.1.2–4.1.6). They are ignored (warn) unless the caller allows them; `jku` and `x5u` are never fetched;
/// a symmetric (`oct`) `jwk` is refused even then (a failure), and an `x5c` certificate is used without chain
/// validation.
public struct HeaderKeyRule: ValidationRule {
    public let id = "HKEY-01"
    public let group = RuleGroup.signature
    public init() {}

    public func evaluate(_ context: ValidationContext) -> Finding {
        let section = "RFC 8725 §3.10"
        let named = context.token.header.selfNamedKeyParameters
        if named.isEmpty { return pass(context, "the header names no key of its own", section) }
        let list = named.joined(separator: ", ")
        let remote = named.filter { $0 == "jku" || $0 == "x5u" }
        let remoteNote = remote.isEmpty ? "" : "; \(remote.joined(separator: ", ")) never fetched"
        guard context.options.allowHeaderKeys else {
            return warn(context, "the header names its own key (\(list)): ignored, only the keys given are used\(remoteNote)", section)
        }
        if !context.headerKeyProblems.isEmpty {
            return fail(context, "header key unusable: \(context.headerKeyProblems.joined(separator: "; "))", section)
        }
        return warn(context, "the header names its own key (\(list)) and header keys are allowed: it may be used\(remoteNote)", section, setting: .allowHeaderKeys)
    }
}

import JOSECore

/// `ALG-01`: the header's `alg` is on the allow-list (RFC 8725 §3.1, RFC 7515 §4.1.1). `none` is refused in any
/// spelling (`none`, `None`, `NONE`, …) whatever the list says (RFC 8725 §3.1, RFC 7518 §3.6).
public struct AlgorithmAllowedRule: ValidationRule {
    public let id = "ALG-01"
    public let group = RuleGroup.algorithm
    public init() {}

    public func evaluate(_ context: ValidationContext) -> Finding {
        let alg = context.token.header.alg
        let section = "RFC 8725 §3.1"
        if alg.lowercased() == "none" {
            return fail(context, "alg \"\(alg)\" is an unsecured token: never accepted", section)
        }
        guard let algorithm = context.algorithm else {
            return fail(context, "alg \"\(alg)\" is not a registered JWS algorithm (names are case-sensitive, RFC 7515 §4.1.1)", section)
        }
        let allowed = context.allowedAlgorithms
        if allowed.isEmpty {
            return fail(context, "alg \(alg): no algorithm is allowed: no key given and no algorithm list", section, setting: .allowedAlgorithms)
        }
        guard allowed.contains(algorithm) else {
            let origin = context.options.allowedAlgorithms == nil ? "fitting the keys" : "allowed"
            return fail(context, "alg \(alg) is not among the algorithms \(origin): \(allowed.map(\.rawValue).joined(separator: ", "))", section)
        }
        return pass(context, "alg \(alg) is allowed", section)
    }
}

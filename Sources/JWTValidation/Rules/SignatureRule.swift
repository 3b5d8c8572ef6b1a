import JOSECore

/// `SIG-01`: the signature verifies with one of the caller's keys (RFC 7515 §5.2).
///
/// Key choice (RFC 7515 §4.1.4, RFC 8725 §3.10): when the header has a `kid`, the keys with exactly that `kid`;
/// if none has it, the keys that carry no `kid` at all (a PEM file, a secret) — never a key with another `kid`.
/// Without a `kid`, every key. Then only keys whose type fits `alg` (and whose JWK `alg`, `use` and `key_ops`
/// allow it) are tried. No candidate → fail (closed). The `kid` is only ever compared, never used as a path or URL.
public struct SignatureRule: ValidationRule {
    public let id = "SIG-01"
    public let group = RuleGroup.signature
    public init() {}

    /// The finding and, when the signature verified, the key that verified it.
    public struct Outcome: Sendable {
        public let finding: Finding
        public let key: JWSKey?
    }

    public func evaluate(_ context: ValidationContext) -> Finding { check(context).finding }

    public func check(_ context: ValidationContext) -> Outcome {
        let section = "RFC 7515 §5.2"
        let header = context.token.header
        if header.alg.lowercased() == "none" {
            return Outcome(finding: fail(context, "unsecured token (alg \"\(header.alg)\"): there is no signature to verify", section), key: nil)
        }
        if let defect = context.token.signatureDefect {
            return Outcome(finding: fail(context, "the signature segment is not a signature: \(defect.message): not verified", section), key: nil)
        }
        guard let algorithm = context.algorithm else {
            return Outcome(finding: fail(context, "alg \"\(header.alg)\" is not a registered algorithm: not verified", section), key: nil)
        }
        guard context.allowedAlgorithms.contains(algorithm) else {
            return Outcome(finding: fail(context, "alg \(algorithm.rawValue) is not allowed: not verified", section), key: nil)
        }
        let candidates = context.keyRing.candidates(kid: header.kid, algorithm: algorithm)
        if candidates.isEmpty {
            let which = header.kid.map { "for kid \"\(ExternalText.truncated($0))\" and alg \(algorithm.rawValue)" } ?? "fitting alg \(algorithm.rawValue)"
            return Outcome(finding: fail(context, "no key \(which): not verified", section), key: nil)
        }
        var reasons: [String] = []
        for key in candidates {
            do {
                if try JWSVerifier.verify(context.token, key: key) {
                    return Outcome(finding: pass(context, "signature verifies (\(algorithm.rawValue), \(Self.name(key)))", section), key: key)
                }
            } catch {
                reasons.append("\(Self.name(key)): \(error.message)")
            }
        }
        let tried = candidates.count == 1 ? "the key" : "any of the \(candidates.count) keys tried"
        let why = reasons.isEmpty ? "" : " (\(reasons.joined(separator: "; ")))"
        return Outcome(finding: fail(context, "signature does not verify with \(tried)\(why)", section), key: nil)
    }

    /// The keys to try, in order; see the type's documentation.
    public static func candidates(kid: String?, algorithm: JWSAlgorithm, keys: [JWSKey]) -> [JWSKey] {
        KeyRing(keys).candidates(kid: kid, algorithm: algorithm)
    }

    static func name(_ key: JWSKey) -> String {
        if let kid = key.kid { return "kid \"\(ExternalText.truncated(kid))\"" }
        return KeyTypeRule.describe(key.type) + " key"
    }
}

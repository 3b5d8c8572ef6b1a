extension KeyLoader {
    /// Ambiguities in a key set that make key choice unsafe, as sentences (empty when none):
    /// - two keys of the same `kty` share a `kid` (RFC 7517 §4.5: "different keys within the JWK Set SHOULD use
    ///   distinct kid values"), so the token's `kid` cannot pick one;
    /// - symmetric (`oct`) and asymmetric keys are mixed, which invites algorithm confusion (RFC 8725 §2.1, §3.1):
    ///   a verifier should never hold a shared secret next to public keys from the same source.
    public static func keySetProblems(_ keys: [JWSKey]) -> [String] {
        var problems: [String] = []
        // Keyed by the kid's bytes: kids are compared exactly (RFC 7515 §4.1.4, RFC 7519 §2), no normalization.
        var seen: [ExactString: [String]] = [:]
        for key in keys {
            guard let rawKid = key.kid else { continue }
            let kid = ExactString(rawKid)
            let kty = key.publicJWK["kty"]?.stringValue ?? "?"
            if seen[kid, default: []].contains(kty) {
                let line = "two \(kty) keys share kid \(JSONValue.quoted(rawKid)) (RFC 7517 §4.5)"
                if !problems.contains(line) { problems.append(line) }
            }
            seen[kid, default: []].append(kty)
        }
        let symmetric = keys.filter { if case .oct = $0.type { true } else { false } }.count
        if symmetric > 0, symmetric < keys.count {
            problems.append("the set mixes \(symmetric) symmetric (oct) key\(symmetric == 1 ? "" : "s") with \(keys.count - symmetric) public-key key\(keys.count - symmetric == 1 ? "" : "s") (RFC 8725 §3.1)")
        }
        return problems
    }
}

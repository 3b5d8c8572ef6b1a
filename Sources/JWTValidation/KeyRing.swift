import JOSECore

/// Verification keys with the algorithms each may verify, computed once (keys are parsed once per run; per-token
/// work stays with the token). Build one for many tokens and pass it to ``Validator/validate(token:keyRing:)``.
public struct KeyRing: Sendable {
    public let keys: [JWSKey]
    /// `algorithms[i]`: what `keys[i]` may verify (its type, narrowed by JWK `alg`, `use`, `key_ops`; RFC 7517 §4).
    public let algorithms: [[JWSAlgorithm]]
    /// Every algorithm some key may verify, in first-seen order.
    public let allAlgorithms: [JWSAlgorithm]

    public init(_ keys: [JWSKey]) {
        self.keys = keys
        let algorithms = keys.map(\.compatibleAlgorithms)
        self.algorithms = algorithms
        var all: [JWSAlgorithm] = []
        for list in algorithms { for alg in list where !all.contains(alg) { all.append(alg) } }
        self.allAlgorithms = all
    }

    /// This ring plus `more` (the token's own keys, when allowed).
    public func adding(_ more: [JWSKey]) -> KeyRing { more.isEmpty ? self : KeyRing(keys + more) }

    /// The keys to try for a token, in order (RFC 7515 §4.1.4; see ``SignatureRule``): with a `kid`, the keys with
    /// exactly that `kid`, else the keys without any `kid`; then only those that may verify `algorithm`.
    public func candidates(kid: String?, algorithm: JWSAlgorithm) -> [JWSKey] {
        var found: [JWSKey] = []
        if let kid {
            for index in keys.indices where keys[index].kid.map({ ExactText.equal($0, kid) }) == true && algorithms[index].contains(algorithm) {
                found.append(keys[index])
            }
            if found.isEmpty, !keys.contains(where: { $0.kid.map { ExactText.equal($0, kid) } == true }) {
                for index in keys.indices where keys[index].kid == nil && algorithms[index].contains(algorithm) { found.append(keys[index]) }
            }
        } else {
            for index in keys.indices where algorithms[index].contains(algorithm) { found.append(keys[index]) }
        }
        return found
    }
}

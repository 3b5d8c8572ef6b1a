import JOSECore

/// `ALG-02`: some key's type fits the algorithm (RFC 8725 §3.1, RFC 7518 §3.1): no HMAC keyed with public-key
/// bytes, no RSA key for an ECDSA token, no P-256 key for `ES384` or `ES256K`.
public struct KeyTypeRule: ValidationRule {
    public let id = "ALG-02"
    public let group = RuleGroup.signature
    public init() {}

    public func evaluate(_ context: ValidationContext) -> Finding {
        let section = "RFC 8725 §3.1"
        guard let algorithm = context.algorithm, algorithm != .none else {
            return skip(context, "alg \"\(context.token.header.alg)\" names no usable algorithm", section)
        }
        let keys = context.keyRing.keys
        if keys.isEmpty { return fail(context, "no key given: nothing can verify \(algorithm.rawValue)", section) }
        if context.keyRing.allAlgorithms.contains(algorithm) {
            return pass(context, "a key of a type fitting \(algorithm.rawValue) is present", section)
        }
        let kinds = keys.map { Self.describe($0.type) }
        return fail(context, "no key fits \(algorithm.rawValue) (\(algorithm.family.rawValue)); keys given: \(Self.unique(kinds).joined(separator: ", "))", section)
    }

    static func describe(_ type: JWSKey.KeyType) -> String {
        switch type {
        case .rsa(let bits): "RSA \(bits)"
        case .ec(let curve): "EC \(curve)"
        case .okp(let curve): "OKP \(curve)"
        case .oct(let bytes): "oct \(bytes * 8) bits"
        }
    }

    static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}

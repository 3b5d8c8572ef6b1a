import JOSECore
import JWTValidation

/// ``TokenValidating`` over `JWTValidation`'s ``Validator``: keys are read from the fetched documents with
/// `KeyLoader` (PEM, JWK, JWK Set), the endpoint's expectations become ``ValidationOptions``, and every finding is
/// passed on. Header-named keys (`jwk`, `x5c`, `jku`, `x5u`) are never used (RFC 8725 §3.10).
public struct ValidatorAdapter: TokenValidating {
    public init() {}

    public func validate(token: String, keyDocuments: [[UInt8]], request: TokenValidationRequest) -> TokenValidationOutcome {
        var keys: [JWSKey] = []
        var problems: [String] = []
        for document in keyDocuments {
            do { keys += try KeyLoader.load(document) } catch { problems.append(error.message) }
        }
        guard case .jws(let jws)? = try? CompactToken.parse(token) else {
            return TokenValidationOutcome(findings: [], grantedScopes: nil, keyProblems: problems)
        }
        var algorithms: [JWSAlgorithm]?
        if request.algorithms.isEmpty, keys.isEmpty {
            // No key source and no list: any registered algorithm but `none` (RFC 8725 §3.1); JWT-04 reports the key.
            algorithms = JWSAlgorithm.allCases.filter { $0 != .none }
        }
        if !request.algorithms.isEmpty {
            algorithms = request.algorithms.compactMap { JWSAlgorithm(rawValue: $0) }
            let unknown = request.algorithms.filter { JWSAlgorithm(rawValue: $0) == nil }
            if !unknown.isEmpty { problems.append("unknown algorithms in expect.algorithms: \(unknown.joined(separator: ", "))") }
        }
        let options = ValidationOptions(
            now: request.now, allowedAlgorithms: algorithms, issuer: request.issuer, audiences: request.audiences,
            type: request.typ, leeway: request.leeway, profile: request.profileRFC9068 ? .rfc9068 : nil
        )
        let report = Validator(options: options).validate(token: jws, keys: keys)
        let findings = report.findings.map { f in
            RuleFinding(id: f.id, status: RuleFinding.Status(rawValue: f.status.rawValue) ?? .fail, message: f.message, section: f.section)
        }
        let claimsReadable: Bool = if case .success = jws.claims { true } else { false }
        return TokenValidationOutcome(findings: findings, grantedScopes: claimsReadable ? report.grantedScopes : nil, keyProblems: problems)
    }
}

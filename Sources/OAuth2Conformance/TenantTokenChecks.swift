import JOSECore
import JWTValidation

/// TTM-03: every batch tenant token (seed 001 `oauthTokens`) is judged like the endpoint's own token — by
/// `JWTValidation`'s rules, against the endpoint's expected keys, `alg`, `typ`, `iss`, `aud` and times (RFC 7519 §7.2,
/// RFC 7515 §5.2) — and the check names each tenant whose token fails and why. Tokens appear only as fingerprints.
enum TenantTokenChecks {
    static func run(_ c: CheckContext) -> [CheckFinding] {
        let k = CheckCatalogue.tenantTokens
        guard c.endpoint.style == .tenantTokenManager, !c.endpoint.tenants.batch.isEmpty else { return [] }
        guard let batch = c.observation.tenantBatch else {
            return [.notRun(k, c.tokenStepReason)]
        }
        guard !batch.tokens.isEmpty else { return [.skip(k, "no batch token to judge")] }
        let expected = "every token: \(TokenChecks.keyDescription(c.endpoint.expect.keys)), alg, typ, iss, aud, exp/nbf/iat"
        var keySourceProblem: String?
        switch c.observation.keys {
        case .failed(let reason): keySourceProblem = "key source failed: \(reason)"
        case .none where c.endpoint.expect.keys != .unchecked: keySourceProblem = "no key source configured or discovered"
        default: break
        }
        let unchecked = c.endpoint.expect.keys == .unchecked
        var failures: [String] = []
        for (tenant, report) in c.tenantReports {
            var reasons: [String] = []
            var signatureFailed = false
            if report == nil { reasons.append("not a compact JWS") }
            for finding in report?.findings ?? [] where finding.status == .fail {
                // `expect.keys: none` declares the signatures unchecked, for these tokens as for the endpoint's (JWT-04).
                if unchecked && finding.group == .signature { continue }
                if finding.group == .signature { signatureFailed = true }
                reasons.append("\(finding.id) \(finding.message)")
            }
            if let keySourceProblem, !signatureFailed { reasons.append("SIG-01 \(keySourceProblem)") }
            if !reasons.isEmpty {
                failures.append("\(tenant.userTenantId) (\(TokenFingerprint.of(tenant.accessToken))): \(reasons.joined(separator: ", "))")
            }
        }
        let count = Plural.count(batch.tokens.count, "token")
        if failures.isEmpty {
            return [CheckFinding(k, .pass, expected: expected, actual: unchecked ? "\(count) valid (signatures unchecked: expect.keys none)" : "\(count) valid")]
        }
        return [CheckFinding(k, .fail, expected: expected, actual: "\(failures.count) of \(count) invalid: " + failures.joined(separator: "; "))]
    }
}

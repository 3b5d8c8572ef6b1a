import JOSECore
import JWTValidation

/// JWT-01…JWT-11: the access token as a JWT, judged by `JWTValidation`'s rules (its findings selected by
/// ``RuleGroup``) plus the checks that need the token response or the suite beside the token (RFC 7519, RFC 7515, RFC 8725, RFC 9068).
enum TokenChecks {
    static let definitions = [
        CheckCatalogue.structure, CheckCatalogue.algorithm, CheckCatalogue.type, CheckCatalogue.signature, CheckCatalogue.issuer,
        CheckCatalogue.audience, CheckCatalogue.times, CheckCatalogue.lifetimeMatch, CheckCatalogue.profile, CheckCatalogue.client,
        CheckCatalogue.lifetimeRange,
    ]

    static func run(_ c: CheckContext) -> [CheckFinding] {
        typealias K = CheckCatalogue
        guard c.accessToken?.isEmpty == false else { return definitions.map { .notRun($0, .noAccessToken) } }
        guard c.jws != nil, c.claims != nil, c.report != nil else {
            let problem = c.tokenProblem ?? "not a JWT"
            return [CheckFinding(K.structure, .fail, expected: "a compact JWS with a JSON claims set", actual: problem)]
                + definitions.dropFirst().map { .notRun($0, .notAJWT) }
        }
        let expect = c.endpoint.expect
        var out: [CheckFinding] = []

        // A scope claim of a deviating shape (seed 001's `scope` array, SCOPE-03, RFC 9068 §2.2.3) is read by the
        // scope audit and makes JWT-01 warn, with the other claim-shape rules.
        let shape = c.findings([.structure]) + c.findings([.scope]).filter { $0.status == .warn }
        var structure = CheckFinding.folding(K.structure, shape, expected: "a compact JWS with a JSON claims set")
        if case .skip = structure.outcome { structure = CheckFinding(K.structure, .pass, expected: structure.expected, actual: "compact JWS, JSON claims set") }
        out.append(structure)

        out.append(CheckFinding.folding(K.algorithm, c.findings([.algorithm]), expected: expect.algorithms.isEmpty ? "an algorithm fitting the key, never none" : expect.algorithms.joined(separator: ", ")))
        out.append(CheckFinding.folding(K.type, c.findings([.type]), expected: expect.typ ?? (expect.profile == "rfc9068" ? "at+jwt" : "not configured")))

        var signature = CheckFinding.folding(K.signature, c.findings([.signature]), expected: keyDescription(expect.keys))
        switch c.observation.keys {
        case .failed(let reason):
            signature = CheckFinding(K.signature, .fail, expected: signature.expected, actual: "key source failed: \(reason)")
        case .none where expect.keys == .unchecked:
            let reason = "not run: expect.keys is none, the suite declares this token unchecked (signature not verified)"
            signature = CheckFinding(K.signature, .skip(reason: reason), expected: signature.expected, message: reason)
        case .none:
            // Fail closed: a token whose signature nobody checked proves nothing (RFC 7515 §5.2, RFC 8725 §3.3).
            signature = CheckFinding(K.signature, .fail, expected: "a key source: expect.keys, or an http(s) expect.issuer to discover it",
                                     actual: "no key source configured or discovered: the signature was not verified")
        case .documents:
            if !c.keyProblems.isEmpty, case .pass = signature.outcome {} else if !c.keyProblems.isEmpty {
                signature.actual += (signature.actual.isEmpty ? "" : "; ") + "keys: " + c.keyProblems.joined(separator: "; ")
            }
        }
        out.append(signature)
        out.append(CheckFinding.folding(K.issuer, c.findings([.issuer]), expected: expect.issuer ?? "not configured"))
        if expect.audiences.isEmpty {
            // The validator warns about an unchecked `aud`; the suite simply did not ask.
            out.append(.skip(K.audience, "expect.audience not configured"))
        } else {
            out.append(CheckFinding.folding(K.audience, c.findings([.audience]), expected: expect.audiences.joined(separator: " or ")))
        }
        out.append(CheckFinding.folding(K.times, c.findings([.time]), expected: "exp in the future, nbf and iat not in the future (leeway \(CheckedInteger.text(c.endpoint.leeway)) s)"))
        out.append(lifetimeMatch(c))
        out.append(profile(c))
        out.append(client(c))
        out.append(lifetimeRange(c))
        return out
    }

    static func keyDescription(_ source: KeySource?) -> String {
        switch source {
        case .jwksURL(let url)?: "a key from JWKS \(url)"
        case .issuer(let issuer)?: "a key from issuer \(issuer) (discovery)"
        case .file(let path, _)?: "a key from file \(path)"
        case .unchecked?: "none (expect.keys: none, token unchecked)"
        case nil: "a key from the expected source"
        }
    }

    /// `exp` − response time agrees with `expires_in` within the leeway (a cached token may have an older `iat`).
    private static func lifetimeMatch(_ c: CheckContext) -> CheckFinding {
        let k = CheckCatalogue.lifetimeMatch
        guard let exp = c.exp else { return .skip(k, "no exp claim") }
        let expiresIn: Double?
        switch c.object?["expires_in"] {
        case .number(let n)?: expiresIn = n.doubleValue
        case .string(let s)?: expiresIn = Double(s)
        default: expiresIn = nil
        }
        guard let expiresIn else { return .skip(k, "no usable expires_in") }
        let remaining = exp - c.observation.receivedAt
        let difference = remaining - expiresIn
        let ok = abs(difference) <= max(c.endpoint.leeway, 1)
        // Server numbers (expires_in 1e400 is +∞, exp 1e300) are printed through the total conversion, never Int(…).
        return CheckFinding(k, ok ? .pass : .fail, expected: "exp − now ≈ expires_in (±\(CheckedInteger.text(max(c.endpoint.leeway, 1))) s)",
                            actual: "exp − now = \(CheckedInteger.text(remaining)) s, expires_in = \(CheckedInteger.text(expiresIn, rounding: .towardZero)) s")
    }

    /// RFC 9068 §2.2: iss, exp, aud, sub, client_id, iat, jti — decided by `JWTValidation`'s profile rule.
    private static func profile(_ c: CheckContext) -> CheckFinding {
        let k = CheckCatalogue.profile
        guard c.endpoint.expect.profile == "rfc9068" else { return .skip(k, "profile rfc9068 not expected") }
        return CheckFinding.folding(k, c.findings([.profile]), expected: AccessTokenProfileRule.requiredClaims.joined(separator: ", "), passActual: "all present")
    }

    private static func client(_ c: CheckContext) -> CheckFinding {
        let k = CheckCatalogue.client
        guard let expected = c.endpoint.expect.clientID else { return .skip(k, "expect.client_id not configured") }
        let clientID = c.claims?.json["client_id"]?.stringValue
        let sub = c.claims?.sub
        if let clientID {
            return CheckFinding(k, ExactText.equal(clientID, expected) ? .pass : .fail, expected: "client_id \(expected)", actual: "client_id \(clientID)")
        }
        if let sub {
            return CheckFinding(k, ExactText.equal(sub, expected) ? .pass : .fail, expected: "client_id or sub \(expected)", actual: "no client_id; sub \(sub)")
        }
        return CheckFinding(k, .fail, expected: "client_id or sub \(expected)", actual: "neither client_id nor sub")
    }

    private static func lifetimeRange(_ c: CheckContext) -> CheckFinding {
        let k = CheckCatalogue.lifetimeRange
        let expect = c.endpoint.expect
        guard expect.minLifetime != nil || expect.maxLifetime != nil else { return .skip(k, "expect.lifetime not configured") }
        guard let exp = c.exp, let start = c.iat ?? c.nbf else { return CheckFinding(k, .fail, expected: range(expect), actual: "exp or iat missing") }
        let lifetime = exp - start
        let ok = lifetime >= (expect.minLifetime ?? -.infinity) && lifetime <= (expect.maxLifetime ?? .infinity)
        return CheckFinding(k, ok ? .pass : .fail, expected: range(expect), actual: "\(CheckedInteger.text(lifetime)) s")
    }

    private static func range(_ e: TokenExpectations) -> String {
        "\(e.minLifetime.map { CheckedInteger.text($0, rounding: .towardZero) } ?? "0")…\(e.maxLifetime.map { CheckedInteger.text($0, rounding: .towardZero) } ?? "∞") s"
    }
}

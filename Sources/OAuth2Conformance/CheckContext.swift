import OAuth2Client
import JOSECore
import JWTValidation

/// What the checks of one endpoint look at, computed once from the observation: the parsed token response, the
/// access token parsed once into a ``JWSToken``, and `JWTValidation`'s ``ValidationReport`` on it.
struct CheckContext {
    let endpoint: EndpointConfiguration
    let observation: EndpointObservation
    /// The token response, when there was an HTTP answer.
    let response: HTTPTransportResponse?
    /// The body as a JSON object (status 200 only).
    let object: JSONObject?
    /// Why the body is not a JSON object, when it is not.
    let bodyProblem: String?
    /// The access token string (never printed).
    let accessToken: String?
    let jws: JWSToken?
    let claims: JWTClaims?
    /// Why the access token is not a usable JWS.
    let tokenProblem: String?
    /// The validator's findings on ``jws`` (nil when there is no JWS with a readable claims set).
    let report: ValidationReport?
    /// Problems loading the fetched key documents or the suite's algorithm list (never key bytes).
    let keyProblems: [String]
    /// The validator's verdict on each batch tenant token (seed 001 `oauthTokens`), judged by the same rules and
    /// keys as the endpoint's token at the time the batch arrived (TTM-03); nil when the token is not a compact JWS.
    let tenantReports: [(tenant: TenantAccessToken, report: ValidationReport?)]

    init(endpoint: EndpointConfiguration, observation: EndpointObservation) {
        self.endpoint = endpoint
        self.observation = observation
        let response = observation.token.response
        self.response = response
        var object: JSONObject?
        var bodyProblem: String?
        if let response, response.status == 200 {
            // The client's own reading of a 2xx body (strict RFC 8259; the problem and its byte offset, never the body).
            do { object = try TokenResponse.successObject(response) } catch { bodyProblem = error.message }
        }
        self.object = object
        self.bodyProblem = bodyProblem
        let token = object?["access_token"]?.stringValue
        self.accessToken = token
        var jws: JWSToken?
        var claims: JWTClaims?
        var tokenProblem: String?
        if let token, !token.isEmpty {
            do {
                switch try CompactToken.parse(token) {
                case .jws(let parsed):
                    jws = parsed
                    switch parsed.claims {
                    case .success(let c): claims = c
                    case .failure(let e): tokenProblem = "claims set: \(e.message)"
                    }
                case .jwe:
                    tokenProblem = "the access token is an encrypted JWE; its claims cannot be checked"
                }
            } catch {
                tokenProblem = "not a JWT (\(error.code.rawValue): \(error.message))"
            }
        }
        self.jws = jws
        self.claims = claims
        self.tokenProblem = tokenProblem
        var keys: [JWSKey] = []
        var problems: [String] = []
        if case .documents(let documents, _) = observation.keys {
            for document in documents {
                do { keys += try KeyLoader.load(document) } catch { problems.append(error.message) }
            }
        }
        if let jws {
            let options = Self.options(endpoint, now: observation.receivedAt, keys: keys, problems: &problems)
            self.report = Validator(options: options).validate(token: jws, keys: keys)
        } else {
            self.report = nil
        }
        var tenantReports: [(tenant: TenantAccessToken, report: ValidationReport?)] = []
        if let batch = observation.tenantBatch, !batch.tokens.isEmpty {
            var ignored: [String] = []  // the same list problems are already reported for the endpoint's token
            let validator = Validator(options: Self.options(endpoint, now: batch.receivedAt, keys: keys, problems: &ignored))
            tenantReports = batch.tokens.map { tenant in
                guard case .jws(let parsed)? = try? CompactToken.parse(tenant.accessToken) else { return (tenant, nil) }
                return (tenant, validator.validate(token: parsed, keys: keys))
            }
        }
        self.tenantReports = tenantReports
        self.keyProblems = problems
    }

    /// The endpoint's expectations as ``ValidationOptions``, judged at the moment the token arrived. Header-named
    /// keys (`jwk`, `x5c`, `jku`, `x5u`) are never used (RFC 8725 §3.10): `allowHeaderKeys` stays false.
    static func options(_ endpoint: EndpointConfiguration, now: Double, keys: [JWSKey], problems: inout [String]) -> ValidationOptions {
        let expect = endpoint.expect
        var algorithms: [JWSAlgorithm]?
        if expect.algorithms.isEmpty, keys.isEmpty {
            // No key source and no list: any registered algorithm but `none` (RFC 8725 §3.1); JWT-04 reports the key.
            algorithms = JWSAlgorithm.allCases.filter { $0 != .none }
        }
        if !expect.algorithms.isEmpty {
            algorithms = expect.algorithms.compactMap { JWSAlgorithm(rawValue: $0) }
            let unknown = expect.algorithms.filter { JWSAlgorithm(rawValue: $0) == nil }
            if !unknown.isEmpty { problems.append("unknown algorithms in expect.algorithms: \(unknown.joined(separator: ", "))") }
        }
        let profile: ValidationOptions.Profile? = expect.profile == "rfc9068" ? .rfc9068 : nil
        return ValidationOptions(now: now, allowedAlgorithms: algorithms, issuer: expect.issuer, audiences: expect.audiences,
                                 type: expect.typ, leeway: endpoint.leeway, profile: profile)
    }

    /// The validator's findings in the given groups, in rule order.
    func findings(_ groups: Set<RuleGroup>) -> [Finding] {
        report?.findings.filter { groups.contains($0.group) } ?? []
    }

    /// Why a step after the token request has no outcome: the probe stopped (unreachable, deadline); a step with
    /// no outcome although the probe did not stop counts as cut off (fail closed).
    var stopReason: NotRunReason { observation.stopReason ?? .deadline }

    /// As ``stopReason``, for a step that needs the access token: no token comes first.
    var tokenStepReason: NotRunReason { accessToken == nil ? .noAccessToken : stopReason }

    /// The granted scopes: from the token's claims when it is a JWT, else from the response's `scope`.
    var grantedScopes: [String]? {
        if claims != nil, let scopes = report?.grantedScopes { return scopes }
        if jws == nil, let scope = object?["scope"]?.stringValue { return scope.split(separator: " ").map(String.init) }
        return nil
    }

    /// `exp`, `iat`, `nbf` as seconds.
    var exp: Double? { claims?.exp?.seconds }
    var iat: Double? { claims?.iat?.seconds }
    var nbf: Double? { claims?.nbf?.seconds }
}

import OAuth2Client
import JOSECore

/// What the checks of one endpoint look at, computed once from the observation: the parsed token response, the
/// access token, its claims and the validator's verdict.
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
    let validation: TokenValidationOutcome?
    /// The validator's verdict on each batch tenant token (seed 001 `oauthTokens`), judged by the same rules and
    /// keys as the endpoint's token at the time the batch arrived (TTM-03).
    let tenantValidations: [(tenant: TenantAccessToken, outcome: TokenValidationOutcome)]

    init(endpoint: EndpointConfiguration, observation: EndpointObservation, validator: any TokenValidating) {
        self.endpoint = endpoint
        self.observation = observation
        let response = observation.token.response
        self.response = response
        var object: JSONObject?
        var bodyProblem: String?
        if let response, response.status == 200 {
            do {
                let value = try JSONParser().parse(response.body, context: "token response")
                if let o = value.objectValue { object = o } else { bodyProblem = "body is JSON \(value.typeName), not an object" }
            } catch {
                bodyProblem = "body is not valid JSON (\(error.code.rawValue))"
            }
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
        if let token, jws != nil {
            let expect = endpoint.expect
            let profile = expect.profile == "rfc9068"
            let request = TokenValidationRequest(
                now: observation.receivedAt, leeway: endpoint.leeway, issuer: expect.issuer, audiences: expect.audiences,
                typ: expect.typ ?? (profile ? "at+jwt" : nil), profileRFC9068: profile, algorithms: expect.algorithms,
                maxLifetime: expect.maxLifetime, clientID: expect.clientID
            )
            var documents: [[UInt8]] = []
            if case .documents(let docs, _) = observation.keys { documents = docs }
            self.validation = validator.validate(token: token, keyDocuments: documents, request: request)
        } else {
            self.validation = nil
        }
        var tenantValidations: [(tenant: TenantAccessToken, outcome: TokenValidationOutcome)] = []
        if let batch = observation.tenantBatch, !batch.tokens.isEmpty {
            let expect = endpoint.expect
            let profile = expect.profile == "rfc9068"
            let request = TokenValidationRequest(
                now: batch.receivedAt, leeway: endpoint.leeway, issuer: expect.issuer, audiences: expect.audiences,
                typ: expect.typ ?? (profile ? "at+jwt" : nil), profileRFC9068: profile, algorithms: expect.algorithms)
            var documents: [[UInt8]] = []
            if case .documents(let docs, _) = observation.keys { documents = docs }
            tenantValidations = batch.tokens.map { ($0, validator.validate(token: $0.accessToken, keyDocuments: documents, request: request)) }
        }
        self.tenantValidations = tenantValidations
    }

    /// Findings of the validator whose id starts with one of `prefixes`.
    func findings(_ prefixes: [String]) -> [RuleFinding] {
        validation?.findings.filter { f in prefixes.contains { f.id.hasPrefix($0) } } ?? []
    }

    /// The granted scopes: from the token's claims when it is a JWT, else from the response's `scope`.
    var grantedScopes: [String]? {
        if let scopes = validation?.grantedScopes { return scopes }
        if jws == nil, let scope = object?["scope"]?.stringValue { return scope.split(separator: " ").map(String.init) }
        return nil
    }

    /// `exp`, `iat`, `nbf` as seconds.
    var exp: Double? { claims?.exp?.seconds }
    var iat: Double? { claims?.iat?.seconds }
    var nbf: Double? { claims?.nbf?.seconds }
}

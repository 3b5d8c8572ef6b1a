import JOSECore

/// Token issuance shared by every style: RFC 9068 claims, the token-shaping faults, RFC 6749 §5.1 answers.
extension MockService {
    enum Style: String {
        case json = "json-client-credentials"
        case tenant = "tenant-token-manager"
        case post = "client-secret-post"
        case basic = "client-secret-basic"
        case rfc6749
    }

    struct Grant {
        let client: MockConfiguration.Client
        let audience: String
        let scopes: [String]
        let tenant: String?
    }

    /// The client, if the id exists, the secret matches and the style is allowed for it.
    func authenticate(_ id: String, _ secret: String, style: Style) -> MockConfiguration.Client? {
        guard let client = configuration.client(id), RequestCredentials.secretMatches(secret, client.secret) else { return nil }
        if !client.styles.isEmpty && !client.styles.contains(style.rawValue) { return nil }
        return client
    }

    /// Resolves requested scope (RFC 6749 §3.3) and audience; an error answer when they are not allowed.
    func grant(client: MockConfiguration.Client, scope: String?, audience: String?, tenant: String? = nil, errorStatus: Int = 400) -> Result<Grant, MockResponseBox> {
        var scopes = client.scopes
        if let scope, !scope.isEmpty {
            let asked = scope.split(separator: " ").map(String.init)
            guard asked.allSatisfy(client.scopes.contains) else {
                return .failure(MockResponseBox(OAuthErrorResponse.make(errorStatus, "invalid_scope", "scope not granted to this client")))
            }
            scopes = asked
        }
        let aud: String
        if let audience {
            guard client.audiences.isEmpty || client.audiences.contains(audience) else {
                return .failure(MockResponseBox(OAuthErrorResponse.make(errorStatus, "invalid_request", "audience not allowed for this client")))
            }
            aud = audience
        } else {
            aud = client.audiences.first ?? configuration.defaultAudience
        }
        return .success(Grant(client: client, audience: aud, scopes: scopes, tenant: tenant))
    }

    /// The token response members (RFC 6749 §5.1) for `grant`, shaped by the style's vendor and by `fault`.
    /// With vendor quirks each style answers as its seed shows (README "Vendor quirks"); `batch` marks a seed 001
    /// `oauthTokens` entry (its token header carries `jku`, as the seed's batch tokens do).
    func tokenMembers(_ grant: Grant, style: Style, fault: MockFault, batch: Bool = false) throws(MockServerError) -> JSONObject {
        let t = now()
        let lifetime = configuration.tokenLifetime
        // Total arithmetic: an injected clock or a programmatic lifetime out of range is a server error, not a trap.
        // With now in the years 1…9999 and the lifetime at most 100 years, iat ± lifetime cannot overflow.
        guard NumericDate.range(of: t) == .inRange, (1...MockConfiguration.maxTokenLifetime).contains(lifetime),
              let iat = CheckedInteger.int(t, rounding: .down), let millis = CheckedInteger.int(t * 1000, rounding: .down)
        else {
            throw MockServerError(.server, "token times out of range: now \(t), token_lifetime \(lifetime) (RFC 7519 §2)")
        }
        var scopes = grant.scopes
        if fault == .scopeMissing, !scopes.isEmpty { scopes.removeLast() }
        if fault == .extraScope { scopes.append("admin") }
        let quirks = configuration.vendorQuirks
        // Seed 001's sample tokens: `scope` and `aud` as JSON arrays, header `typ: JWT` (+ `jku` in batches).
        let seed001 = style == .tenant && quirks
        let audience = fault == .wrongAudience ? "https://wrong-audience.mock.invalid" : grant.audience
        var claims: JSONObject = [
            "iss": .string(issuer),
            "sub": .string(grant.client.clientID),
            "aud": seed001 ? .array([.string(audience)]) : .string(audience),
            "client_id": .string(grant.client.clientID),
            "iat": .number(JSONNumber(fault == .expired ? iat - lifetime - 120 : iat)),
            "exp": .number(JSONNumber(fault == .expired ? iat - 120 : iat + lifetime)),
            "jti": .string(Self.randomID()),
        ]
        if !scopes.isEmpty {
            claims["scope"] = fault == .scopeArray || seed001 ? .array(scopes.map(JSONValue.string)) : .string(scopes.joined(separator: " "))
        }
        if let tenant = grant.tenant { claims["ten"] = .string(tenant) }
        let variant: MockTokenSigner.Variant = fault == .unknownKey ? .unknownKey : fault == .algNone ? .unsecured
            : seed001 ? .seed001(jku: batch ? baseURL + "/jwks.json" : nil) : .normal
        let token = try signer.sign(claims, variant: variant)

        var members: JSONObject = ["access_token": .string(token)]
        var tokenType = (style == .tenant && quirks) ? "bearer" : "Bearer"
        if fault == .wrongTokenType { tokenType = "mac" }
        members["token_type"] = .string(tokenType)
        if style == .tenant { members["timestamp"] = .string(String(millis)) }
        switch fault {
        case .expiresInMissing: break
        case .expiresInString: members["expires_in"] = .string(String(lifetime))
        default:
            members["expires_in"] = (style == .post && quirks) ? .string(String(lifetime - 1)) : .number(JSONNumber(lifetime))
        }
        // Seeds 000, 002 and 003 show no `scope` member; seed 001 and RFC 6749 §5.1 do.
        let seedWithoutScope = style == .post || style == .basic || (style == .json && quirks)
        if !seedWithoutScope, !scopes.isEmpty { members["scope"] = .string(scopes.joined(separator: " ")) }
        if style == .tenant { members["jti"] = claims["jti"] }
        return members
    }

    /// A complete 200 token answer, or the error/fault answer.
    func tokenAnswer(_ grant: Grant, style: Style, fault: MockFault) -> MockResponse {
        if let replaced = transportFault(fault) { return replaced }
        do {
            let members = try tokenMembers(grant, style: style, fault: fault)
            var response = MockResponse.json(200, JSONValue.object(members).compact, noStore: fault != .noCacheControl)
            response.logNote = "client=\(grant.client.clientID)"
            return finish(response, fault: fault)
        } catch {
            return OAuthErrorResponse.make(500, "server_error", "token signing failed")
        }
    }

    /// `POST /oauth/token`: seed 000's JSON body, or RFC 6749 form with `client_secret_basic` / `client_secret_post`.
    func tokenStandard(_ request: MockRequest, headerFault: MockFault?) async -> MockResponse {
        let contentType = request.header("Content-Type")?.lowercased() ?? ""
        if contentType.hasPrefix("application/json") {
            guard let body = RequestCredentials.json(request.body) else {
                return OAuthErrorResponse.make(400, "invalid_request", "body is not a JSON object")
            }
            guard body["grant_type"]?.stringValue == "client_credentials" else {
                return OAuthErrorResponse.make(400, "unsupported_grant_type", "grant_type must be client_credentials")
            }
            guard let id = body["client_id"]?.stringValue, let secret = body["client_secret"]?.stringValue,
                let client = authenticate(id, secret, style: .json)
            else { return OAuthErrorResponse.make(401, "invalid_client", "client authentication failed") }
            switch grant(client: client, scope: body["scope"]?.stringValue, audience: body["audience"]?.stringValue) {
            case .failure(let box): return box.response
            case .success(let g): return tokenAnswer(g, style: .json, fault: headerFault ?? client.fault)
            }
        }
        guard let form = RequestCredentials.form(request.body) else {
            return OAuthErrorResponse.make(400, "invalid_request", "body is not a form (or repeats a parameter)")
        }
        let basic = request.header("Authorization").flatMap(RequestCredentials.rfc6749Basic)
        guard form["grant_type"] == "client_credentials" else {
            return OAuthErrorResponse.make(400, "unsupported_grant_type", "grant_type must be client_credentials", basicChallenge: basic != nil)
        }
        let id = basic?.id ?? form["client_id"]
        let secret = basic?.secret ?? form["client_secret"]
        if basic != nil && form["client_secret"] != nil {
            return OAuthErrorResponse.make(400, "invalid_request", "more than one client authentication method (RFC 6749 §2.3)")
        }
        guard let id, let secret, let client = authenticate(id, secret, style: .rfc6749) ?? authenticate(id, secret, style: .json) else {
            return OAuthErrorResponse.make(401, "invalid_client", "client authentication failed")
        }
        switch grant(client: client, scope: form["scope"], audience: form["audience"]) {
        case .failure(let box): return box.response
        case .success(let g): return tokenAnswer(g, style: .rfc6749, fault: headerFault ?? client.fault)
        }
    }

    /// `POST /configapi/v2/oauth/token` (seed 002): form `grant_type`, `client_id`, `client_secret`, `scope` (required).
    func tokenPost(_ request: MockRequest, headerFault: MockFault?) async -> MockResponse {
        guard let form = RequestCredentials.form(request.body) else {
            return OAuthErrorResponse.make(400, "invalid_request", "body is not a form (or repeats a parameter)")
        }
        guard form["grant_type"] == "client_credentials" else {
            return OAuthErrorResponse.make(400, "unsupported_grant_type", "grant_type must be client_credentials")
        }
        guard let id = form["client_id"], let secret = form["client_secret"], let client = authenticate(id, secret, style: .post) else {
            return OAuthErrorResponse.make(401, "invalid_client", "client authentication failed")
        }
        guard let scope = form["scope"], !scope.isEmpty else {
            return OAuthErrorResponse.make(400, "invalid_request", "scope is required")
        }
        switch grant(client: client, scope: scope, audience: nil) {
        case .failure(let box): return box.response
        case .success(let g): return tokenAnswer(g, style: .post, fault: headerFault ?? client.fault)
        }
    }

    /// `POST /oauth2/token` (seed 003): HTTP Basic per RFC 6749 §2.3.1, form `grant_type` (+ `scope`, `audience`).
    /// With vendor quirks every error is 403 (as seed 003's vendor answers); otherwise RFC 6749 §5.2 statuses.
    func tokenBasic(_ request: MockRequest, headerFault: MockFault?) async -> MockResponse {
        let quirk = configuration.vendorQuirks
        func error(_ status: Int, _ code: String, _ text: String) -> MockResponse {
            OAuthErrorResponse.make(quirk ? 403 : status, code, text)
        }
        guard let form = RequestCredentials.form(request.body) else { return error(400, "invalid_request", "body is not a form") }
        guard let basic = request.header("Authorization").flatMap(RequestCredentials.rfc6749Basic),
            let client = authenticate(basic.id, basic.secret, style: .basic)
        else { return error(401, "invalid_client", "client authentication failed") }
        guard form["grant_type"] == "client_credentials" else {
            return error(400, "unsupported_grant_type", "grant_type must be client_credentials")
        }
        switch grant(client: client, scope: form["scope"], audience: form["audience"], errorStatus: quirk ? 403 : 400) {
        case .failure(let box): return box.response
        case .success(let g): return tokenAnswer(g, style: .basic, fault: headerFault ?? client.fault)
        }
    }
}

/// Boxes a response as an `Error` for `Result`.
struct MockResponseBox: Error {
    let response: MockResponse
    init(_ response: MockResponse) { self.response = response }
}

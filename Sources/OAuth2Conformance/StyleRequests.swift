import JOSECore

/// Builds the token request of each style (the four seed documents; RFC 6749 §2.3.1, §4.4.2), including the
/// variants the negative checks send (a wrong secret, an unknown `grant_type`). Secrets go only into the request.
struct StyleRequests {
    let endpoint: EndpointConfiguration

    static let wrongSecret = "jwt-conform-deliberately-wrong-secret"
    static let unsupportedGrant = "urn:jwt-conform:unsupported-grant-type"

    func token(secret: String? = nil, grantType: String = "client_credentials") -> ProbeRequest {
        let e = endpoint
        let secret = secret ?? e.clientSecret.reveal()
        var headers = [ProbeHeader("Accept", "application/json")]
        var body: [UInt8]
        switch e.style {
        case .jsonClientCredentials:
            var members: [JSONObject.Member] = [
                .init(name: "client_id", value: .string(e.clientID)),
                .init(name: "client_secret", value: .string(secret)),
            ]
            if let audience = e.audience { members.append(.init(name: "audience", value: .string(audience))) }
            if let scope = e.scope { members.append(.init(name: "scope", value: .string(scope))) }
            members.append(.init(name: "grant_type", value: .string(grantType)))
            headers.append(ProbeHeader("Content-Type", "application/json"))
            body = Array(JSONValue.object(JSONObject(members)).compact.utf8)
        case .tenantTokenManager:
            headers.append(ProbeHeader("Content-Type", "application/json"))
            headers.append(ProbeHeader("X-SPACE-AUTH-KEY", "Basic " + Base64.encode(Array("\(e.clientID):\(secret)".utf8))))
            let object: JSONValue = .object(JSONObject([
                .init(name: "appName", value: .string(e.appName ?? "")),
                .init(name: "appVersion", value: .string(e.appVersion ?? "")),
                .init(name: "hostTenant", value: .string(e.hostTenant ?? "")),
                .init(name: "userTenant", value: .string(e.userTenant ?? "")),
            ]))
            body = Array(object.compact.utf8)
        case .clientSecretPost:
            var pairs = [("grant_type", grantType), ("client_id", e.clientID), ("client_secret", secret)]
            if let scope = e.scope { pairs.append(("scope", scope)) }
            if let audience = e.audience { pairs.append(("audience", audience)) }
            headers.append(ProbeHeader("Content-Type", "application/x-www-form-urlencoded"))
            body = Array(FormURLEncoding.body(pairs).utf8)
        case .clientSecretBasic:
            let credentials = FormURLEncoding.encode(e.clientID) + ":" + FormURLEncoding.encode(secret)
            headers.append(ProbeHeader("Authorization", "Basic " + Base64.encode(Array(credentials.utf8))))
            var pairs = [("grant_type", grantType)]
            if let scope = e.scope { pairs.append(("scope", scope)) }
            if let audience = e.audience { pairs.append(("audience", audience)) }
            headers.append(ProbeHeader("Content-Type", "application/x-www-form-urlencoded"))
            body = Array(FormURLEncoding.body(pairs).utf8)
        }
        for header in e.headers { headers.append(ProbeHeader(header.name, header.value)) }
        return ProbeRequest(method: "POST", url: e.tokenURL, headers: headers, body: body)
    }

    /// Seed 001 batch call: `…/oauthTokens` beside `…/oauth/token`, at most 5 tenants.
    func tenantBatch(_ tenants: [String]) -> ProbeRequest {
        let e = endpoint
        let object: JSONValue = .object(JSONObject([
            .init(name: "appName", value: .string(e.appName ?? "")),
            .init(name: "appVersion", value: .string(e.appVersion ?? "")),
            .init(name: "hostTenantId", value: .string(e.hostTenant ?? "")),
            .init(name: "userTenantIds", value: .array(tenants.map(JSONValue.string))),
        ]))
        var headers = [
            ProbeHeader("Accept", "application/json"), ProbeHeader("Content-Type", "application/json"),
            ProbeHeader("X-SPACE-AUTH-KEY", "Basic " + Base64.encode(Array("\(e.clientID):\(e.clientSecret.reveal())".utf8))),
        ]
        for header in e.headers { headers.append(ProbeHeader(header.name, header.value)) }
        return ProbeRequest(method: "POST", url: Self.sibling(e.tokenURL, "oauthTokens"), headers: headers, body: Array(object.compact.utf8))
    }

    /// Seed 001 tenant list: `GET …/userTenants?page=N&size=100` with the bearer token.
    func tenantPage(_ page: Int, token: String) -> ProbeRequest {
        ProbeRequest(method: "GET", url: Self.sibling(endpoint.tokenURL, "userTenants") + "?page=\(page)&size=100",
                     headers: [ProbeHeader("Accept", "application/json"), ProbeHeader("Authorization", "Bearer \(token)")])
    }

    /// `…/v3/oauth/token` → `…/v3/<name>`.
    static func sibling(_ tokenURL: String, _ name: String) -> String {
        var base = tokenURL
        if let q = base.firstIndex(of: "?") { base = String(base[..<q]) }
        if base.hasSuffix("/oauth/token") { return String(base.dropLast("/oauth/token".count)) + "/" + name }
        if let slash = base.lastIndex(of: "/") { return String(base[..<slash]) + "/" + name }
        return base + "/" + name
    }
}

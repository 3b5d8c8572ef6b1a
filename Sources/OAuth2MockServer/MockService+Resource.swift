import JOSECore

/// The protected API and discovery documents.
extension MockService {
    /// Checks `Authorization: Bearer` (RFC 6750 §2.1): a JWS this mock signed, not expired, with `aud` and `scope`
    /// when asked. Failures answer per RFC 6750 §3.1: 401 `invalid_token`, 403 `insufficient_scope`, 400
    /// `invalid_request`; 401 without `error` when no credentials were sent.
    func checkBearer(_ request: MockRequest, audience: String?, scope: String?) -> Result<JWTClaims, MockResponseBox> {
        func challenge(_ status: Int, _ error: String?, _ description: String?) -> MockResponseBox {
            var value = "Bearer realm=\"mock\""
            if let error { value += ", error=\"\(error)\"" }
            if let description { value += ", error_description=\"\(description)\"" }
            if error == "insufficient_scope", let scope { value += ", scope=\"\(scope)\"" }
            var r = MockResponse(status: status, headers: [("WWW-Authenticate", value)])
            if let error {
                r = MockResponse.json(status, JSONValue.object(["error": .string(error)]).compact, noStore: false, extra: [("WWW-Authenticate", value)])
            }
            r.logNote = "bearer=\(error ?? "missing")"
            return MockResponseBox(r)
        }
        guard let header = request.header("Authorization") else { return .failure(challenge(401, nil, nil)) }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            return .failure(challenge(400, "invalid_request", "Authorization is not a Bearer credential"))
        }
        guard case .jws(let jws)? = try? CompactToken.parse(String(parts[1])) else {
            return .failure(challenge(401, "invalid_token", "not a compact JWS"))
        }
        guard jws.header.alg == signer.algorithm.rawValue, jws.header.kid == nil || jws.header.kid == signer.key.kid || jws.header.kid == configuration.keyID,
            (try? JWSVerifier.verify(jws, key: verificationKey)) == true
        else { return .failure(challenge(401, "invalid_token", "signature not valid")) }
        guard case .success(let claims) = jws.claims, let exp = claims.exp else {
            return .failure(challenge(401, "invalid_token", "claims unreadable or exp missing"))
        }
        guard exp.seconds > now() else { return .failure(challenge(401, "invalid_token", "token expired")) }
        if let audience, !(claims.aud ?? []).contains(audience) {
            return .failure(challenge(401, "invalid_token", "wrong audience"))
        }
        if let scope {
            // A space-separated string (RFC 9068 §2.2.3) or, as seed 001's tokens carry it, a JSON array.
            let claim = claims.json["scope"]
            let granted = claim?.stringValue?.split(separator: " ").map(String.init) ?? claim?.arrayValue?.compactMap(\.stringValue) ?? []
            guard granted.contains(scope) else { return .failure(challenge(403, "insufficient_scope", "scope \(scope) required")) }
        }
        return .success(claims)
    }

    /// `GET /api/resource`: needs ``MockConfiguration/resourceAudience`` and ``MockConfiguration/resourceScope``.
    func resource(_ request: MockRequest) -> MockResponse {
        switch checkBearer(request, audience: configuration.resourceAudience, scope: configuration.resourceScope) {
        case .failure(let box): return box.response
        case .success(let claims):
            let body: JSONValue = ["ok": true, "client_id": claims.json["client_id"] ?? .null, "sub": claims.sub.map(JSONValue.string) ?? .null]
            var r = MockResponse.json(200, body.compact, noStore: false)
            r.logNote = "client=\(claims.sub ?? "?")"
            return r
        }
    }

    /// RFC 8414 §2 metadata (or OIDC Discovery §3 with `openID`).
    func metadata(openID: Bool) -> MockResponse {
        let iss = issuer
        var doc: JSONObject = [
            "issuer": .string(iss),
            "token_endpoint": .string(iss + "/oauth/token"),
            "jwks_uri": .string(iss + "/jwks.json"),
            "grant_types_supported": ["client_credentials"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
            "scopes_supported": .array(Array(Set(configuration.clients.flatMap(\.scopes))).sorted().map(JSONValue.string)),
            "response_types_supported": ["token"],
        ]
        if openID {
            doc["subject_types_supported"] = ["public"]
            doc["id_token_signing_alg_values_supported"] = .array([.string(signer.algorithm.rawValue)])
            doc["response_types_supported"] = ["code", "token"]
            doc["authorization_endpoint"] = .string(iss + "/authorize")
        }
        return MockResponse.json(200, JSONValue.object(doc).pretty(), noStore: false, extra: [("Cache-Control", "max-age=300")])
    }

    func jwksResponse() -> MockResponse {
        MockResponse.json(200, JSONValue.object(signer.jwks).compact, noStore: false, extra: [("Cache-Control", "max-age=300")])
    }
}

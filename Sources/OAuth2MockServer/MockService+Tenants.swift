import JOSECore

/// Seed 001: the Token Management Service routes.
extension MockService {
    /// `X-SPACE-AUTH-KEY: Basic base64(id:secret)` → the client.
    func tenantClient(_ request: MockRequest) -> MockConfiguration.Client? {
        guard let (id, secret) = RequestCredentials.plainBasic(request.header("X-SPACE-AUTH-KEY")) else { return nil }
        return authenticate(id, secret, style: .tenant)
    }

    func knownTenant(_ id: String) -> Bool { id == configuration.operatorTenant || configuration.userTenants.contains(id) }

    /// `POST …/v3/oauth/token` with `{appName, appVersion, hostTenant, userTenant}`.
    func tenantToken(_ request: MockRequest, headerFault: MockFault?) async -> MockResponse {
        guard let client = tenantClient(request) else {
            return OAuthErrorResponse.make(401, "invalid_client", "X-SPACE-AUTH-KEY missing or wrong")
        }
        guard let body = RequestCredentials.json(request.body), body["appName"]?.stringValue != nil,
            body["appVersion"]?.stringValue != nil, let host = body["hostTenant"]?.stringValue, let user = body["userTenant"]?.stringValue
        else { return OAuthErrorResponse.make(400, "invalid_request", "body needs appName, appVersion, hostTenant, userTenant") }
        guard host == configuration.operatorTenant, knownTenant(user) else {
            return OAuthErrorResponse.make(403, "access_denied", "tenant has not authorized this application")
        }
        switch grant(client: client, scope: nil, audience: nil, tenant: user) {
        case .failure(let box): return box.response
        case .success(let g): return tokenAnswer(g, style: .tenant, fault: headerFault ?? client.fault)
        }
    }

    /// `POST …/v3/oauthTokens` with `{appName, appVersion, hostTenantId, userTenantIds}` (at most
    /// ``MockConfiguration/tenantBatchLimit`` ids, else 400).
    func tenantBatch(_ request: MockRequest, headerFault: MockFault?) async -> MockResponse {
        guard let client = tenantClient(request) else {
            return OAuthErrorResponse.make(401, "invalid_client", "X-SPACE-AUTH-KEY missing or wrong")
        }
        guard let body = RequestCredentials.json(request.body), let host = body["hostTenantId"]?.stringValue,
            let ids = body["userTenantIds"]?.arrayValue?.compactMap(\.stringValue), !ids.isEmpty
        else { return OAuthErrorResponse.make(400, "invalid_request", "body needs hostTenantId and userTenantIds") }
        guard ids.count <= configuration.tenantBatchLimit else {
            return OAuthErrorResponse.make(400, "invalid_request", "at most \(configuration.tenantBatchLimit) userTenantIds per call")
        }
        guard host == configuration.operatorTenant, ids.allSatisfy(knownTenant) else {
            return OAuthErrorResponse.make(403, "access_denied", "a tenant has not authorized this application")
        }
        let fault = headerFault ?? client.fault
        if let replaced = transportFault(fault) { return replaced }
        var entries: [JSONValue] = []
        for (index, id) in ids.enumerated() {
            var tokenFault = fault
            if index == ids.count - 1 {
                if fault == .batchExpired { tokenFault = .expired }
                if fault == .batchUnknownKey { tokenFault = .unknownKey }
            }
            guard case .success(let g) = grant(client: client, scope: nil, audience: nil, tenant: id),
                let members = try? tokenMembers(g, style: .tenant, fault: tokenFault, batch: true)
            else { return OAuthErrorResponse.make(500, "server_error", "token signing failed") }
            entries.append(["userTenantId": .string(id), "token": .object(members)])
        }
        var response = MockResponse.json(200, JSONValue.object(["oauthTokens": .array(entries)]).compact, noStore: fault != .noCacheControl)
        response.logNote = "client=\(client.clientID) tenants=\(ids.count)"
        return finish(response, fault: fault)
    }

    /// `GET …/v3/userTenants?page=N&size=M` with a Bearer token this mock issued (signature and expiry checked).
    func userTenants(_ request: MockRequest) -> MockResponse {
        switch checkBearer(request, audience: nil, scope: nil) {
        case .failure(let box): return box.response
        case .success: break
        }
        let size = min(configuration.tenantPageSize, max(1, request.queryValue("size").flatMap { Int($0) } ?? configuration.tenantPageSize))
        let page = max(0, request.queryValue("page").flatMap { Int($0) } ?? 0)
        let all = configuration.userTenants
        let totalPages = (all.count + size - 1) / size
        // A client's `page=9223372036854775807` must not overflow `page * size`.
        let (offset, overflow) = page.multipliedReportingOverflow(by: size)
        let start = overflow ? all.count : min(all.count, offset)
        let slice = all[start..<min(all.count, start + size)]
        let body: JSONValue = [
            "page": ["size": .number(JSONNumber(size)), "totalElements": .number(JSONNumber(all.count)),
                     "totalPages": .number(JSONNumber(totalPages)), "number": .number(JSONNumber(page))],
            "userTenants": .array(slice.map { ["id": .string($0)] }),
        ]
        var response = MockResponse.json(200, body.compact, noStore: false)
        response.logNote = "page=\(page)"
        return response
    }
}

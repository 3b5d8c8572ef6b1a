import JOSECore
import OAuth2Client

/// The I/O half of one endpoint's checks: sends the token request, fetches the keys, calls the protected API, runs
/// the opt-in negative requests and the tenant-manager flows, all within the endpoint's deadline. Records what it
/// saw in an ``EndpointObservation``; judges nothing.
struct EndpointProbe {
    let endpoint: EndpointConfiguration
    let transport: any ProbeTransport
    let now: @Sendable () -> Double
    /// Called with every access token issued (for `::add-mask::`), before anything about it is printed.
    let onToken: @Sendable (String) -> Void

    /// Upper bound on tenant pages followed (100 tenants each): protects against servers that never stop paging.
    static let maxPages = 1000

    func run() async -> EndpointObservation {
        let deadline = now() + endpoint.timeout
        let requests = StyleRequests(endpoint: endpoint)
        let tokenOutcome = await send(requests.token(), deadline: deadline)
        var observation = EndpointObservation(token: tokenOutcome ?? .failed(ProbeFailure(reason: "endpoint deadline reached")), receivedAt: now())
        var token: String?
        if let response = tokenOutcome?.response, response.status == 200,
           let object = try? JSONParser().parse(response.body, context: "token response").objectValue,
           let accessToken = object["access_token"]?.stringValue, !accessToken.isEmpty {
            token = accessToken
            onToken(accessToken)
        }
        guard observation.token.response != nil else {
            // Unreachable: do not hammer it with the remaining requests.
            return observation
        }

        if token != nil { observation.keys = await fetchKeys(deadline: deadline, observation: &observation) }

        for call in endpoint.api {
            guard let token else { break }
            let request = ProbeRequest(method: call.method, url: call.url, headers: [ProbeHeader("Authorization", "Bearer \(token)"), ProbeHeader("Accept", "application/json")])
            guard let withToken = await send(request, deadline: deadline) else { observation.deadlineHit = true; break }
            var api = APIObservation(call: call, withToken: withToken)
            if call.withoutToken {
                let bare = ProbeRequest(method: call.method, url: call.url, headers: [ProbeHeader("Accept", "application/json")])
                guard let outcome = await send(bare, deadline: deadline) else { observation.deadlineHit = true; observation.api.append(api); break }
                api.withoutToken = outcome
            }
            observation.api.append(api)
        }

        if endpoint.negative.wrongSecret {
            observation.wrongSecret = await send(requests.token(secret: StyleRequests.wrongSecret), deadline: deadline)
            if observation.wrongSecret == nil { observation.deadlineHit = true }
        }
        if endpoint.negative.unsupportedGrant {
            observation.badGrant = await send(requests.token(grantType: StyleRequests.unsupportedGrant), deadline: deadline)
            if observation.badGrant == nil { observation.deadlineHit = true }
        }
        if endpoint.style == .tenantTokenManager, token != nil {
            if !endpoint.tenants.batch.isEmpty { observation.tenantBatch = await tenantBatch(requests, deadline: deadline, observation: &observation) }
            if endpoint.tenants.listTenants, let token { observation.tenantPaging = await tenantPaging(requests, token: token, deadline: deadline, observation: &observation) }
        }
        return observation
    }

    /// Sends within the endpoint deadline; nil when the deadline has already passed.
    /// Plain `http` to a host that is not loopback is refused here, before any connection, unless the endpoint opted
    /// in with `insecure_http: true` — this covers URLs the suite does not name (a discovered `jwks_uri`).
    private func send(_ request: ProbeRequest, deadline: Double) async -> ExchangeOutcome? {
        if !endpoint.insecureHTTP, let url = try? EndpointURL(request.url), url.isCleartext {
            return .failed(ProbeFailure(reason: "\(url.origin): refused before connecting: plain http to a host that is not loopback (use https, or insecure_http: true)"))
        }
        let remaining = deadline - now()
        guard remaining > 0.001 else { return nil }
        do {
            return .response(try await transport.send(request, timeout: min(endpoint.requestTimeout, remaining)))
        } catch {
            return .failed(error)
        }
    }

    private func fetchKeys(deadline: Double, observation: inout EndpointObservation) async -> KeyMaterial {
        var source = endpoint.expect.keys
        if source == nil, let issuer = endpoint.expect.issuer, issuer.hasPrefix("http") { source = .issuer(issuer) }
        switch source {
        case nil, .unchecked?:
            return .none
        case .file(let path, let bytes)?:
            return .documents([bytes], source: path)
        case .jwksURL(let url)?:
            return await fetchJWKS(url, deadline: deadline, observation: &observation)
        case .issuer(let issuer)?:
            // RFC 8414 §3: /.well-known/oauth-authorization-server inserted before the issuer's path; then OpenID
            // Connect Discovery 1.0 §4: /.well-known/openid-configuration appended.
            let (origin, path) = Self.split(issuer)
            let candidates = [origin + "/.well-known/oauth-authorization-server" + path,
                              (issuer.hasSuffix("/") ? String(issuer.dropLast()) : issuer) + "/.well-known/openid-configuration"]
            var problems: [String] = []
            for url in candidates {
                guard let outcome = await send(ProbeRequest(method: "GET", url: url, headers: [ProbeHeader("Accept", "application/json")]), deadline: deadline) else {
                    observation.deadlineHit = true
                    return .failed("endpoint deadline reached during discovery")
                }
                observation.keyLatency += outcome.latency
                guard let response = outcome.response else {
                    if case .failed(let f) = outcome { problems.append("\(url): \(f.reason)") }
                    continue
                }
                guard response.status == 200, let metadata = try? JSONParser().parse(response.body, context: "metadata").objectValue else {
                    problems.append("\(url): HTTP \(response.status)")
                    continue
                }
                guard metadata["issuer"]?.stringValue.map({ ExactText.equal($0, issuer) }) == true else {
                    return .failed("metadata at \(url) names issuer \(metadata["issuer"]?.stringValue ?? "none"), expected \(issuer) (RFC 8414 §3.3)")
                }
                guard let jwks = metadata["jwks_uri"]?.stringValue else { return .failed("metadata at \(url) has no jwks_uri") }
                return await fetchJWKS(jwks, deadline: deadline, observation: &observation)
            }
            return .failed("discovery failed: " + problems.joined(separator: "; "))
        }
    }

    private func fetchJWKS(_ url: String, deadline: Double, observation: inout EndpointObservation) async -> KeyMaterial {
        guard let outcome = await send(ProbeRequest(method: "GET", url: url, headers: [ProbeHeader("Accept", "application/json")]), deadline: deadline) else {
            observation.deadlineHit = true
            return .failed("endpoint deadline reached fetching \(url)")
        }
        observation.keyLatency += outcome.latency
        switch outcome {
        case .failed(let f): return .failed("\(url): \(f.reason)")
        case .response(let r):
            guard r.status == 200 else { return .failed("\(url): HTTP \(r.status)") }
            return .documents([r.body], source: url)
        }
    }

    /// `https://host:port/path` → (`https://host:port`, `/path` without a trailing slash).
    static func split(_ url: String) -> (String, String) {
        let schemeEnd = url.firstRange(of: "://").map(\.upperBound) ?? url.startIndex
        let pathStart = url[schemeEnd...].firstIndex(of: "/") ?? url.endIndex
        var path = String(url[pathStart...])
        if path.hasSuffix("/") { path.removeLast() }
        return (String(url[..<pathStart]), path)
    }

    private func tenantBatch(_ requests: StyleRequests, deadline: Double, observation: inout EndpointObservation) async -> TenantBatchObservation {
        var batch = TenantBatchObservation(requested: endpoint.tenants.batch)
        var start = 0
        let tenants = endpoint.tenants.batch
        while start < tenants.count {
            let chunk = Array(tenants[start..<min(start + 5, tenants.count)])
            start += 5
            guard let outcome = await send(requests.tenantBatch(chunk), deadline: deadline) else {
                observation.deadlineHit = true
                batch.problems.append("endpoint deadline reached")
                break
            }
            batch.calls += 1
            batch.latency += outcome.latency
            switch outcome {
            case .failed(let f): batch.problems.append(f.reason)
            case .response(let r):
                guard r.status == 200 else { batch.problems.append("oauthTokens → HTTP \(r.status)"); continue }
                guard let entries = (try? JSONParser().parse(r.body, context: "oauthTokens"))?.objectValue?["oauthTokens"]?.arrayValue else {
                    batch.problems.append("oauthTokens answer has no oauthTokens list")
                    continue
                }
                for entry in entries {
                    guard let tenant = entry["userTenantId"]?.stringValue else { batch.problems.append("an entry has no userTenantId"); continue }
                    guard let token = entry["token"]?["access_token"]?.stringValue, !token.isEmpty else {
                        batch.problems.append("no access_token for \(tenant)")
                        continue
                    }
                    onToken(token)
                    batch.returned.append(tenant)
                }
            }
        }
        return batch
    }

    private func tenantPaging(_ requests: StyleRequests, token: String, deadline: Double, observation: inout EndpointObservation) async -> TenantPagingObservation {
        var paging = TenantPagingObservation()
        var page = 0
        while page < Self.maxPages {
            guard let outcome = await send(requests.tenantPage(page, token: token), deadline: deadline) else {
                observation.deadlineHit = true
                paging.problems.append("endpoint deadline reached on page \(page)")
                paging.terminated = false
                return paging
            }
            paging.latency += outcome.latency
            guard case .response(let r) = outcome else {
                if case .failed(let f) = outcome { paging.problems.append("page \(page): \(f.reason)") }
                return paging
            }
            guard r.status == 200, let object = (try? JSONParser().parse(r.body, context: "userTenants"))?.objectValue,
                  let list = object["userTenants"]?.arrayValue else {
                paging.problems.append("page \(page): HTTP \(r.status) without a userTenants list")
                return paging
            }
            paging.pages.append(list.compactMap { $0["id"]?.stringValue })
            let totalPages = object["page"]?["totalPages"]?.numberValue?.intValue
            if list.isEmpty || totalPages.map({ page + 1 >= $0 }) ?? (list.count < 100) { return paging }
            page += 1
        }
        paging.terminated = false
        return paging
    }
}

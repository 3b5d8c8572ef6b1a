import JOSECore
import OAuth2Client

/// The I/O half of one endpoint's checks: sends the token request, fetches the keys, calls the protected API, runs
/// the opt-in negative requests and the tenant-manager flows, all within the endpoint's deadline. Records what it
/// saw in an ``EndpointObservation``; judges nothing.
struct EndpointProbe {
    let endpoint: EndpointConfiguration
    /// The endpoint's deadline and refusals around the run's transport.
    let transport: EndpointTransport
    let now: @Sendable () -> Double
    /// Called with every access token issued (for `::add-mask::`), before anything about it is printed.
    let onToken: @Sendable (String) -> Void

    /// What the wrong-secret check sends instead of the client's secret (RFC 6749 §5.2 `invalid_client`).
    static let wrongSecret = Secret("jwt-conform-deliberately-wrong-secret")
    /// What the unsupported-grant check sends as `grant_type` (RFC 6749 §5.2 `unsupported_grant_type`).
    static let unsupportedGrant = "urn:jwt-conform:unsupported-grant-type"

    init(endpoint: EndpointConfiguration, transport: any HTTPTransport, now: @escaping @Sendable () -> Double, onToken: @escaping @Sendable (String) -> Void) {
        self.endpoint = endpoint
        self.transport = EndpointTransport(base: transport, endpoint: endpoint, now: now)
        self.now = now
        self.onToken = onToken
    }

    /// The endpoint's style, as `OAuth2Client` builds it from the suite's parameters.
    var style: any TokenEndpointStyle {
        let e = endpoint
        return TokenStyleFactory.make(
            e.style.tokenStyleName, scope: e.scope, audience: e.audience,
            tenant: .init(appName: e.appName ?? "", appVersion: e.appVersion ?? "", hostTenant: e.hostTenant ?? "", userTenant: e.userTenant ?? ""))
    }

    var credentials: ClientCredentials { ClientCredentials(clientID: endpoint.clientID, secret: Secret(endpoint.clientSecret.reveal())) }
    var extraHeaders: [HTTPHeaderField] { endpoint.headers.map { HTTPHeaderField($0.name, $0.value) } }

    /// A token request built by the style, with the suite's extra headers and the given variation.
    func tokenRequest(secret: Secret? = nil, grantType: String? = nil) -> HTTPTransportRequest {
        style.makeRequest(endpoint: endpoint.tokenURL, credentials: credentials,
                          options: TokenRequestOptions(secret: secret, grantType: grantType, headers: extraHeaders))
    }

    func run() async -> EndpointObservation {
        let tokenOutcome = await send(tokenRequest())
        var observation = EndpointObservation(
            token: tokenOutcome ?? .failed(ExchangeFailure(OAuth2ClientError(.timeout, "endpoint deadline reached"))), receivedAt: now())
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

        if token != nil { observation.keys = await fetchKeys(observation: &observation) }

        for call in endpoint.api {
            guard let token else { break }
            let request = HTTPTransportRequest(method: call.method, url: call.url, headers: [HTTPHeaderField("Authorization", "Bearer \(token)"), HTTPHeaderField("Accept", "application/json")])
            guard let withToken = await send(request) else { observation.deadlineHit = true; break }
            var api = APIObservation(call: call, withToken: withToken)
            if call.withoutToken {
                let bare = HTTPTransportRequest(method: call.method, url: call.url, headers: [HTTPHeaderField("Accept", "application/json")])
                guard let outcome = await send(bare) else { observation.deadlineHit = true; observation.api.append(api); break }
                api.withoutToken = outcome
            }
            observation.api.append(api)
        }

        if endpoint.negative.wrongSecret {
            observation.wrongSecret = await send(tokenRequest(secret: Self.wrongSecret))
            if observation.wrongSecret == nil { observation.deadlineHit = true }
        }
        if endpoint.negative.unsupportedGrant {
            observation.badGrant = await send(tokenRequest(grantType: Self.unsupportedGrant))
            if observation.badGrant == nil { observation.deadlineHit = true }
        }
        if endpoint.style == .tenantTokenManager, let token {
            await tenantFlows(token: token, observation: &observation)
        }
        return observation
    }

    /// Sends within the endpoint deadline; nil when the deadline has already passed. A failure keeps the transport's
    /// typed error and the time spent.
    private func send(_ request: HTTPTransportRequest) async -> ExchangeOutcome? {
        let clock = ContinuousClock()
        let start = clock.now
        let refusedBefore = transport.deadlineRefusals
        do throws(OAuth2ClientError) {
            return .response(try await transport.send(request, timeout: nil))
        } catch {
            if transport.deadlineRefusals > refusedBefore { return nil }
            let elapsed = clock.now - start
            return .failed(ExchangeFailure(error, latency: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
        }
    }

    /// The endpoint's key documents: a file as loaded with the suite, or a JWKS URL / an issuer's metadata fetched by
    /// `OAuth2Client`'s ``OAuth2Client/KeyDocumentLoader`` over this endpoint's transport (its deadline, request
    /// timeout and `insecure_http` opt-in) — the same path and rules as `jwt verify --jwks` / `--issuer`.
    private func fetchKeys(observation: inout EndpointObservation) async -> KeyMaterial {
        var source = endpoint.expect.keys
        if source == nil, let issuer = endpoint.expect.issuer, issuer.hasPrefix("http") { source = .issuer(issuer) }
        let remote: RemoteKeySource
        switch source {
        case nil, .unchecked?:
            return .none
        case .file(let path, let bytes)?:
            return .documents([bytes], source: path)
        case .jwksURL(let url)?:
            remote = .jwksURL(url)
        case .issuer(let issuer)?:
            remote = .issuer(issuer)
        }
        guard !transport.expired else {
            observation.deadlineHit = true
            return .failed("endpoint deadline reached before the keys were fetched")
        }
        let refusedBefore = transport.deadlineRefusals
        let loader = KeyDocumentLoader(transport: transport)
        let fetch = await loader.fetch(remote, insecureHTTP: endpoint.insecureHTTP, deadline: .milliseconds(Self.millis(transport.remaining)),
                                       requestTimeout: .milliseconds(Self.millis(endpoint.requestTimeout)))
        observation.keyLatency += fetch.networkSeconds
        if fetch.deadlineReached || transport.deadlineRefusals > refusedBefore { observation.deadlineHit = true }
        switch fetch.result {
        case .success(let document): return .documents([document.bytes], source: document.source)
        case .failure(let error): return .failed(error.message)
        }
    }

    /// Whole milliseconds, at least 1, total for any Double (the suite loader bounds timeouts; NaN or ∞ is 1 ms).
    static func millis(_ seconds: Double) -> Int64 {
        CheckedInteger.int64(seconds * 1000, rounding: .up).map { max(1, $0) } ?? 1
    }

    /// Seed 001's batch and tenant-list flows, run by `OAuth2Client`'s ``OAuth2Client/TenantTokenManager`` over this
    /// endpoint's transport; what each call did comes back as a value and becomes the observation.
    private func tenantFlows(token: String, observation: inout EndpointObservation) async {
        let e = endpoint
        let urls: TenantServiceURLs
        do throws(OAuth2ClientError) { urls = try TenantServiceURLs(tokenURL: e.tokenURL) } catch {
            if !e.tenants.batch.isEmpty { observation.tenantBatch = TenantBatchObservation(requested: e.tenants.batch, problems: [error.message]) }
            if e.tenants.listTenants { observation.tenantPaging = TenantPagingObservation(problems: [error.message]) }
            return
        }
        var manager = TenantTokenManager(client: TokenClient(transport: transport), urls: urls, credentials: credentials,
                                         appName: e.appName ?? "", appVersion: e.appVersion ?? "")
        manager.extraHeaders = extraHeaders
        let onToken = self.onToken
        manager.onToken = { onToken($0.value) }
        if !e.tenants.batch.isEmpty {
            let refusedBefore = transport.deadlineRefusals
            let batch = await manager.batchReport(hostTenantId: e.hostTenant ?? "", userTenantIds: e.tenants.batch)
            if transport.deadlineRefusals > refusedBefore { observation.deadlineHit = true }
            observation.tenantBatch = TenantBatchObservation(
                requested: e.tenants.batch, returned: batch.tokens.map(\.userTenantId), calls: batch.calls,
                problems: batch.problems.map(ExchangeFailure.reason), latency: batch.latency)
            observation.tenantBatch?.tokens = batch.tokens.map { TenantAccessToken(userTenantId: $0.userTenantId, accessToken: $0.token.accessToken.value) }
            observation.tenantBatch?.receivedAt = now()
        }
        if e.tenants.listTenants {
            let refusedBefore = transport.deadlineRefusals
            let list = await manager.tenantListReport(bearer: AccessToken(token))
            let deadlineHit = transport.deadlineRefusals > refusedBefore
            if deadlineHit { observation.deadlineHit = true }
            // A failed page is reported as that failure, not also as "no last page"; only the page bound and the
            // endpoint deadline leave paging unterminated.
            observation.tenantPaging = TenantPagingObservation(
                pages: list.pageIDs, terminated: list.terminated || (list.failure != nil && !deadlineHit),
                problems: list.failure.map { [ExchangeFailure.reason($0)] } ?? [], latency: list.latency)
        }
    }
}

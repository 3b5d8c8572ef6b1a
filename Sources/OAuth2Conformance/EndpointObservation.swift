import OAuth2Client

/// The outcome of one exchange: a response, or why there was none.
public enum ExchangeOutcome: Sendable, Equatable {
    case response(HTTPTransportResponse)
    case failed(ExchangeFailure)

    public var response: HTTPTransportResponse? { if case .response(let r) = self { r } else { nil } }
    public var latency: Double {
        switch self {
        case .response(let r): r.latency
        case .failed(let f): f.latency
        }
    }
}

/// The tenant manager's batch call(s) (seed 001 `oauthTokens`): which tenants came back with a token.
public struct TenantBatchObservation: Sendable, Equatable {
    /// Tenants asked for, in order.
    public var requested: [String]
    /// `userTenantId` of each returned entry that carried an access token, in answer order (duplicates kept).
    public var returned: [String]
    /// Calls made (at most 5 tenants each) and problems met (HTTP errors, malformed answers).
    public var calls: Int
    public var problems: [String]
    public var latency: Double
    /// Each returned access token with its tenant, in answer order, for TTM-03 (never printed; reports show a
    /// ``JOSECore/TokenFingerprint``).
    public var tokens: [TenantAccessToken] = []
    /// Local clock (epoch seconds) when the batch answers were in: the time the tokens are judged at.
    public var receivedAt: Double = 0

    public init(requested: [String], returned: [String] = [], calls: Int = 0, problems: [String] = [], latency: Double = 0) {
        self.requested = requested
        self.returned = returned
        self.calls = calls
        self.problems = problems
        self.latency = latency
    }
}

/// One batch token: the tenant it was issued for and the access token (never printed).
public struct TenantAccessToken: Sendable, Equatable {
    public var userTenantId: String
    public var accessToken: String

    public init(userTenantId: String, accessToken: String) {
        self.userTenantId = userTenantId
        self.accessToken = accessToken
    }
}

/// The tenant list, page by page (seed 001 `userTenants`).
public struct TenantPagingObservation: Sendable, Equatable {
    /// Ids per page, in page order.
    public var pages: [[String]]
    /// False when the page limit was hit before the last page.
    public var terminated: Bool
    public var problems: [String]
    public var latency: Double

    public init(pages: [[String]] = [], terminated: Bool = true, problems: [String] = [], latency: Double = 0) {
        self.pages = pages
        self.terminated = terminated
        self.problems = problems
        self.latency = latency
    }
}

/// A protected-API call and its outcome.
public struct APIObservation: Sendable, Equatable {
    public var call: APICall
    public var withToken: ExchangeOutcome
    public var withoutToken: ExchangeOutcome?

    public init(call: APICall, withToken: ExchangeOutcome, withoutToken: ExchangeOutcome? = nil) {
        self.call = call
        self.withToken = withToken
        self.withoutToken = withoutToken
    }
}

/// The key documents fetched from the expected key source (JWKS, PEM…), or why there are none.
public enum KeyMaterial: Sendable, Equatable {
    case none
    case documents([[UInt8]], source: String)
    case failed(String)
}

/// Everything the probe phase saw for one endpoint. The checks are pure functions of this and the configuration.
public struct EndpointObservation: Sendable, Equatable {
    public var token: ExchangeOutcome
    /// Local clock (epoch seconds) when the token response arrived.
    public var receivedAt: Double
    public var keys: KeyMaterial = .none
    public var api: [APIObservation] = []
    public var wrongSecret: ExchangeOutcome?
    public var badGrant: ExchangeOutcome?
    public var tenantBatch: TenantBatchObservation?
    public var tenantPaging: TenantPagingObservation?
    /// Whether the endpoint deadline cut the probe short.
    public var deadlineHit = false
    /// Seconds spent fetching metadata and keys.
    public var keyLatency: Double = 0

    public init(token: ExchangeOutcome, receivedAt: Double) {
        self.token = token
        self.receivedAt = receivedAt
    }

    /// Why the probe stopped before sending every request it meant to send: ``NotRunReason/unreachable`` when the
    /// token endpoint gave no answer (nothing else is sent), ``NotRunReason/deadline`` when the endpoint deadline cut
    /// it short; `nil` when it did not stop early.
    public var stopReason: NotRunReason? {
        if token.response == nil { return .unreachable }
        return deadlineHit ? .deadline : nil
    }

    /// Sum of all exchanges' latencies: the runner's "network time".
    public var networkTime: Double {
        var total = token.latency + keyLatency
        for call in api { total += call.withToken.latency + (call.withoutToken?.latency ?? 0) }
        total += (wrongSecret?.latency ?? 0) + (badGrant?.latency ?? 0)
        total += (tenantBatch?.latency ?? 0) + (tenantPaging?.latency ?? 0)
        return total
    }

    /// True when any exchange got an HTTP response.
    public var reachable: Bool {
        if token.response != nil { return true }
        return api.contains { $0.withToken.response != nil } || wrongSecret?.response != nil || badGrant?.response != nil
    }
}

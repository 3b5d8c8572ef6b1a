/// The scope audit of one endpoint (RFC 6749 §3.3): what was granted against `required` / `allowed` / `forbidden`.
public struct ScopeAudit: Sendable, Equatable {
    /// Granted scopes, sorted.
    public var granted: [String]
    /// Required but not granted, sorted.
    public var missing: [String]
    /// Granted beyond `allowed` (over-privilege), sorted; empty when no `allowed` list is configured.
    public var excess: [String]
    /// Granted although `forbidden`, sorted.
    public var forbidden: [String]

    public init(granted: [String], missing: [String] = [], excess: [String] = [], forbidden: [String] = []) {
        self.granted = granted
        self.missing = missing
        self.excess = excess
        self.forbidden = forbidden
    }
}

/// The results of one endpoint of a suite: the unit of a JUnit `<testsuite>`.
public struct EndpointResult: Sendable, Equatable {
    public var name: String
    /// The endpoint style, e.g. `client-secret-basic`.
    public var style: String
    /// The token URL (no query string, no user info).
    public var url: String
    /// Checks in catalogue order.
    public var checks: [CheckResult]
    public var scopeAudit: ScopeAudit?
    /// ``JOSECore/TokenFingerprint`` of the issued access token (`sha256:` + 16 hex digits), never the token.
    public var tokenFingerprint: String?
    /// Epoch seconds when the endpoint started, and its wall time in seconds.
    public var startedAt: Double
    public var duration: Double
    /// Seconds spent waiting on the network (sum over the endpoint's requests).
    public var networkTime: Double
    /// Whether any request reached the server (false: connection refused, DNS, TLS, timeout before any answer).
    public var reachable: Bool
    /// The suite's `expected_failures` / `expected_warnings` for this endpoint (fault suites), when given.
    public var expectedFailures: [String]?
    public var expectedWarnings: [String]?
    /// Whether the endpoint was judged strictly (`--strict` or `defaults.strict`): hygiene deviations failed
    /// instead of warning. Reports say so, so a red strict run is not mistaken for a broken credential.
    public var strict = false

    public init(
        name: String, style: String, url: String, checks: [CheckResult], scopeAudit: ScopeAudit? = nil,
        tokenFingerprint: String? = nil, startedAt: Double, duration: Double, networkTime: Double = 0, reachable: Bool = true
    ) {
        self.name = name
        self.style = style
        self.url = url
        self.checks = checks
        self.scopeAudit = scopeAudit
        self.tokenFingerprint = tokenFingerprint
        self.startedAt = startedAt
        self.duration = duration
        self.networkTime = networkTime
        self.reachable = reachable
    }

    /// How the checks compare with the suite's expectations; nil when the suite set none for this endpoint.
    public var expectation: ExpectationComparison? {
        guard expectedFailures != nil || expectedWarnings != nil else { return nil }
        return ExpectationComparison(checks: checks, expectedFailures: expectedFailures ?? [], expectedWarnings: expectedWarnings ?? [])
    }

    /// Whether the endpoint failed and warned exactly as its suite said; nil when the suite set no expectation.
    public var expectationMet: Bool? { expectation?.met }

    /// Whether this check's failure or warning is one the suite expects (reported as passing: "expected failure").
    public func isExpected(_ check: CheckResult) -> Bool {
        guard check.id != CheckCatalogue.expectations.id else { return false }
        return switch check.status {
        case .fail: expectedFailures?.contains(check.id) ?? false
        case .warn: expectedWarnings?.contains(check.id) ?? false
        case .pass, .skip: false
        }
    }

    public func count(_ status: CheckStatus) -> Int { checks.reduce(0) { $0 + ($1.status == status ? 1 : 0) } }
    /// A check failed that the suite did not expect to fail (with expectations, XPT-01 fails on any difference).
    public var failed: Bool { checks.contains { $0.status == .fail && !isExpected($0) } }
}

/// Totals over a run or an endpoint, as reports count them: a failure or warning the suite expects counts as passed
/// (and in `expected`), so JUnit's `failures` and the verdict agree with the exit code.
public struct CheckTotals: Sendable, Equatable {
    public var tests = 0, passed = 0, failed = 0, warned = 0, skipped = 0
    /// Failures and warnings that the suite's `expected_failures`/`expected_warnings` name (counted as passed).
    public var expected = 0

    public init(_ checks: some Sequence<CheckResult>, isExpected: (CheckResult) -> Bool = { _ in false }) {
        for check in checks {
            tests += 1
            if isExpected(check) {
                passed += 1
                expected += 1
                continue
            }
            switch check.status {
            case .pass: passed += 1
            case .fail: failed += 1
            case .warn: warned += 1
            case .skip: skipped += 1
            }
        }
    }

    /// One endpoint's totals with its expectations applied.
    public init(_ endpoint: EndpointResult) {
        self.init(endpoint.checks, isExpected: endpoint.isExpected)
    }

    static func + (a: CheckTotals, b: CheckTotals) -> CheckTotals {
        var sum = a
        sum.tests += b.tests
        sum.passed += b.passed
        sum.failed += b.failed
        sum.warned += b.warned
        sum.skipped += b.skipped
        sum.expected += b.expected
        return sum
    }
}

/// A whole `jwt conform` run of one suite: what every report writer takes.
public struct RunResult: Sendable, Equatable {
    public var suite: String
    /// Epoch seconds when the run started, and its wall time in seconds (injected clock).
    public var startedAt: Double
    public var duration: Double
    /// Endpoints in suite order, whatever the timing.
    public var endpoints: [EndpointResult]

    public init(suite: String, startedAt: Double, duration: Double, endpoints: [EndpointResult]) {
        self.suite = suite
        self.startedAt = startedAt
        self.duration = duration
        self.endpoints = endpoints
    }

    public var totals: CheckTotals { endpoints.reduce(CheckTotals([])) { $0 + CheckTotals($1) } }
    public var failed: Bool { endpoints.contains(where: \.failed) }
    /// True when there were endpoints and none of them could be reached (exit 69).
    public var nothingReachable: Bool { !endpoints.isEmpty && !endpoints.contains(where: \.reachable) }
}

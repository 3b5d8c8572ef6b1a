import JOSECore

/// Turns one endpoint's observation into its check results, in catalogue order, then applies the endpoint's
/// severity overrides and allow-list (reporting stale allow-list entries as ALW-01). Pure: no I/O, no clock.
/// Tokens are judged by `JWTValidation`'s ``Validator`` (see ``CheckContext``).
public struct EndpointJudge: Sendable {
    public init() {}

    public func judge(_ endpoint: EndpointConfiguration, observation: EndpointObservation, startedAt: Double, duration: Double) -> EndpointResult {
        let context = CheckContext(endpoint: endpoint, observation: observation)
        let scopes = ScopeChecks.run(context)
        var findings = TokenResponseChecks.run(context)
        findings += TokenChecks.run(context)
        findings += scopes.findings
        findings += ExchangeChecks.api(context)
        findings += ExchangeChecks.negative(context)
        findings += ExchangeChecks.tenants(context)
        findings += TenantTokenChecks.run(context)
        findings += ExchangeChecks.clock(context)
        if endpoint.insecureHTTP { findings.append(TransportChecks.cleartext(endpoint)) }
        var checks = Self.apply(findings.map { Self.resolve($0, endpoint: endpoint) }, endpoint: endpoint)
        if let expectations = ExpectationComparison.check(endpoint, checks: checks) { checks.append(expectations) }
        var result = EndpointResult(
            name: endpoint.name, style: endpoint.style.rawValue, url: Self.displayURL(endpoint.tokenURL), checks: checks,
            scopeAudit: scopes.audit, tokenFingerprint: context.accessToken.map(TokenFingerprint.of),
            startedAt: startedAt, duration: duration, networkTime: observation.networkTime, reachable: observation.reachable
        )
        result.expectedFailures = endpoint.expectedFailures
        result.expectedWarnings = endpoint.expectedWarnings
        result.strict = endpoint.strict
        return result
    }

    /// A check the endpoint deadline cut off fails (the endpoint did not answer in time); a check that could not
    /// run for any other reason stays not-run and is reported as skipped with the reason's text.
    static func resolve(_ finding: CheckFinding, endpoint: EndpointConfiguration) -> CheckFinding {
        guard case .notRun(.deadline) = finding.outcome else { return finding }
        return CheckFinding(finding.definition, .fail, expected: "done within \(CheckedInteger.text(endpoint.timeout, rounding: .towardZero)) s",
                            actual: "endpoint deadline reached before this check could run")
    }

    /// Severity overrides, then the allow-list: an allow-listed deviation that happens is reported as skipped with
    /// its reason; one that no longer happens makes ALW-01 fail (stale allow-list).
    static func apply(_ findings: [CheckFinding], endpoint: EndpointConfiguration) -> [CheckResult] {
        var results: [CheckResult] = []
        var stale: [String] = []
        for finding in findings {
            let d = finding.definition
            // A tolerated deviation is hygiene inside any check (warn; fail under strict); a failure takes the
            // check's kind (essential: fail; hygiene: warn, fail under strict). Explicit `severity:` wins over both.
            let severity = finding.outcome == .tolerated ? endpoint.toleratedSeverity(of: d) : endpoint.severity(of: d)
            var status: CheckStatus
            var message = finding.message
            switch finding.outcome {
            case .pass: status = .pass
            case .skip, .notRun: status = .skip
            case .fail, .tolerated: status = Self.status(failing: severity)
            }
            if severity == .info, finding.outcome == .fail || finding.outcome == .tolerated {
                message = message.isEmpty ? "info only" : "info only: \(message)"
            }
            if let entry = endpoint.allow.first(where: { $0.check == d.id }) {
                switch finding.outcome {
                case .fail, .tolerated:
                    status = .skip
                    message = "allow-listed: \(entry.reason)"
                case .pass:
                    stale.append(d.id)
                case .skip, .notRun:
                    break
                }
            }
            results.append(CheckResult(id: d.id, title: d.title, severity: severity, status: status, expected: finding.expected,
                                       actual: finding.actual, message: message, reference: d.reference, latency: finding.latency))
        }
        if !endpoint.allow.isEmpty {
            let d = CheckCatalogue.staleAllowList
            let severity = endpoint.severity(of: d)
            let listed = endpoint.allow.map(\.check).joined(separator: ", ")
            if stale.isEmpty {
                results.append(CheckResult(id: d.id, title: d.title, severity: severity, status: .pass, expected: "every allow-listed deviation still occurs",
                                           actual: "still occurring: \(listed)", reference: d.reference))
            } else {
                let status = Self.status(failing: severity)
                results.append(CheckResult(id: d.id, title: d.title, severity: severity, status: status, expected: "every allow-listed deviation still occurs",
                                           actual: "stale (now passing): \(stale.joined(separator: ", "))", message: "remove the stale entries from allow",
                                           reference: d.reference))
            }
        }
        return results
    }

    /// How a check that does not hold is reported under `severity`.
    static func status(failing severity: CheckSeverity) -> CheckStatus {
        switch severity {
        case .fail: .fail
        case .warn: .warn
        case .info: .pass
        }
    }

    /// The URL as reports show it: without query string (it may carry credentials) and without user info.
    static func displayURL(_ url: String) -> String {
        var text = url
        if let q = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = String(text[..<q]) }
        return text
    }
}

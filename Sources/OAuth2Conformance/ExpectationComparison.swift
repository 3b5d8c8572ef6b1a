/// How one endpoint's checks compare with its suite's `expected_failures` / `expected_warnings` (fault suites and
/// negative suites that gate CI): met when the failing ids and the warning ids are exactly the expected ones.
/// `XPT-01` (the check that reports the comparison) is never part of it.
public struct ExpectationComparison: Sendable, Equatable {
    /// Failed, but not in `expected_failures`.
    public var unexpectedFailures: [String]
    /// In `expected_failures`, but did not fail.
    public var missingFailures: [String]
    /// Warned, but not in `expected_warnings`.
    public var unexpectedWarnings: [String]
    /// In `expected_warnings`, but did not warn.
    public var missingWarnings: [String]

    public init(checks: [CheckResult], expectedFailures: [String], expectedWarnings: [String]) {
        let own = CheckCatalogue.expectations.id
        let failed = checks.filter { $0.status == .fail && $0.id != own }.map(\.id)
        let warned = checks.filter { $0.status == .warn && $0.id != own }.map(\.id)
        unexpectedFailures = failed.filter { !expectedFailures.contains($0) }
        missingFailures = expectedFailures.filter { $0 != own && !failed.contains($0) }
        unexpectedWarnings = warned.filter { !expectedWarnings.contains($0) }
        missingWarnings = expectedWarnings.filter { $0 != own && !warned.contains($0) }
    }

    public var met: Bool {
        unexpectedFailures.isEmpty && missingFailures.isEmpty && unexpectedWarnings.isEmpty && missingWarnings.isEmpty
    }

    /// The difference in words, e.g. `failed but not expected: JWT-05; expected to fail but passed: TOK-06`.
    public var difference: String {
        var parts: [String] = []
        if !unexpectedFailures.isEmpty { parts.append("failed but not expected: " + unexpectedFailures.joined(separator: ", ")) }
        if !missingFailures.isEmpty { parts.append("expected to fail but did not: " + missingFailures.joined(separator: ", ")) }
        if !unexpectedWarnings.isEmpty { parts.append("warned but not expected: " + unexpectedWarnings.joined(separator: ", ")) }
        if !missingWarnings.isEmpty { parts.append("expected to warn but did not: " + missingWarnings.joined(separator: ", ")) }
        return parts.isEmpty ? "as expected" : parts.joined(separator: "; ")
    }

    /// The `XPT-01` result for an endpoint whose suite states expectations.
    static func check(_ endpoint: EndpointConfiguration, checks: [CheckResult]) -> CheckResult? {
        guard endpoint.expectedFailures != nil || endpoint.expectedWarnings != nil else { return nil }
        let failures = endpoint.expectedFailures ?? [], warnings = endpoint.expectedWarnings ?? []
        let comparison = ExpectationComparison(checks: checks, expectedFailures: failures, expectedWarnings: warnings)
        let d = CheckCatalogue.expectations
        let severity = endpoint.severity(of: d)
        let expected = "fail: " + (failures.isEmpty ? "none" : failures.joined(separator: ", ")) + "; warn: " + (warnings.isEmpty ? "none" : warnings.joined(separator: ", "))
        let status: CheckStatus = comparison.met ? .pass : EndpointJudge.status(failing: severity)
        return CheckResult(id: d.id, title: d.title, severity: severity, status: status, expected: expected,
                           actual: comparison.difference, reference: d.reference)
    }
}

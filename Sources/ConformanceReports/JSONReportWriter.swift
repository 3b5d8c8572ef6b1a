import JOSECore
import OAuth2Conformance

/// Writes a ``RunResult`` as one JSON document for other tools (`--json PATH`): the same results as the JUnit and
/// Markdown reports, with times as numbers of seconds (three decimals) and UTC timestamps.
///
/// Shape: `{suite, started_at, duration, verdict, totals{tests,passed,failed,warnings,skipped}, endpoints[{name, style,
/// url, reachable, token_fingerprint, started_at, duration, network_time, scope_audit{granted,missing,excess,forbidden},
/// expected{failures,warnings,met} (only when the suite sets `expected_failures`/`expected_warnings`),
/// checks[{id,title,severity,status,expected,actual,message,reference,latency}]}]}`.
public struct JSONReportWriter: Sendable {
    public init() {}

    public func write(_ run: RunResult) -> String {
        let endpoints: [JSONValue] = run.endpoints.map(endpoint)
        let object: JSONValue = .object(JSONObject([
            .init(name: "suite", value: .string(run.suite)),
            .init(name: "started_at", value: .string(ReportFormat.utc(run.startedAt))),
            .init(name: "duration", value: seconds(run.duration)),
            .init(name: "verdict", value: .string(run.failed ? "fail" : "pass")),
            .init(name: "totals", value: totals(run.totals)),
            .init(name: "endpoints", value: .array(endpoints)),
        ]))
        return object.pretty() + "\n"
    }

    private func endpoint(_ e: EndpointResult) -> JSONValue {
        var members: [JSONObject.Member] = [
            .init(name: "name", value: .string(e.name)),
            .init(name: "style", value: .string(e.style)),
            .init(name: "url", value: .string(e.url)),
            .init(name: "reachable", value: .bool(e.reachable)),
            .init(name: "token_fingerprint", value: e.tokenFingerprint.map(JSONValue.string) ?? .null),
            .init(name: "started_at", value: .string(ReportFormat.utc(e.startedAt))),
            .init(name: "duration", value: seconds(e.duration)),
            .init(name: "network_time", value: seconds(e.networkTime)),
            .init(name: "totals", value: totals(CheckTotals(e))),
        ]
        if e.strict { members.append(.init(name: "strict", value: .bool(true))) }
        if let audit = e.scopeAudit {
            members.append(.init(name: "scope_audit", value: .object(JSONObject([
                .init(name: "granted", value: strings(audit.granted)),
                .init(name: "missing", value: strings(audit.missing)),
                .init(name: "excess", value: strings(audit.excess)),
                .init(name: "forbidden", value: strings(audit.forbidden)),
            ]))))
        } else {
            members.append(.init(name: "scope_audit", value: .null))
        }
        if let expectation = e.expectation {
            members.append(.init(name: "expected", value: .object(JSONObject([
                .init(name: "failures", value: strings(e.expectedFailures ?? [])),
                .init(name: "warnings", value: strings(e.expectedWarnings ?? [])),
                .init(name: "met", value: .bool(expectation.met)),
                .init(name: "difference", value: .string(expectation.difference)),
            ]))))
        }
        members.append(.init(name: "checks", value: .array(e.checks.map { check($0, asExpected: e.isExpected($0)) })))
        return .object(JSONObject(members))
    }

    /// `as_expected: true` marks a failure or warning the suite expects (it does not fail the run).
    private func check(_ c: CheckResult, asExpected: Bool) -> JSONValue {
        var object = JSONObject([
            .init(name: "id", value: .string(c.id)),
            .init(name: "title", value: .string(c.title)),
            .init(name: "severity", value: .string(c.severity.rawValue)),
            .init(name: "status", value: .string(c.status.rawValue)),
            .init(name: "expected", value: .string(c.expected)),
            .init(name: "actual", value: .string(c.actual)),
            .init(name: "message", value: .string(c.message)),
            .init(name: "reference", value: .string(c.reference)),
            .init(name: "latency", value: c.latency.map(seconds) ?? .null),
        ])
        if asExpected { object["as_expected"] = true }
        return .object(object)
    }

    private func totals(_ t: CheckTotals) -> JSONValue {
        var object = JSONObject([
            .init(name: "tests", value: .number(JSONNumber(t.tests))),
            .init(name: "passed", value: .number(JSONNumber(t.passed))),
            .init(name: "failed", value: .number(JSONNumber(t.failed))),
            .init(name: "warnings", value: .number(JSONNumber(t.warned))),
            .init(name: "skipped", value: .number(JSONNumber(t.skipped))),
        ])
        if t.expected > 0 { object["as_expected"] = .number(JSONNumber(t.expected)) }
        return .object(object)
    }

    private func seconds(_ value: Double) -> JSONValue { .number(JSONNumber(text: ReportFormat.seconds(value))) }
    private func strings(_ list: [String]) -> JSONValue { .array(list.map(JSONValue.string)) }
}

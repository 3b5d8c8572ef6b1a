import JOSECore
import OAuth2Conformance

/// Writes a ``RunResult`` as JUnit XML (the Jenkins xUnit `junit-10.xsd` layout that GitLab and GitHub read):
/// `<testsuites>` → one `<testsuite>` per endpoint → one `<testcase>` per check.
///
/// - `classname` is `suite.endpoint`, `name` is `ID: title`.
/// - A failed check is a `<failure message type>` whose body repeats expected, actual and the reference; a skipped
///   check is `<skipped message>`; a warning passes and carries its text in `<system-out>`. A failure or warning the
///   suite expects (`expected_failures`/`expected_warnings`) passes, its `<system-out>` opening with
///   `EXPECTED FAILURE` / `EXPECTED WARNING`; `XPT-01` fails when the endpoint differs from its expectations.
/// - `tests`/`failures`/`skipped` add up; `time` is seconds with three decimals (POSIX), timestamps are UTC.
/// - Characters XML 1.0 forbids (C0 controls other than tab and newline, U+FFFE/U+FFFF), and DEL, C1 and bidi
///   controls, are replaced by visible `\u001b`-style text (``ReportFormat/visible(_:)``): they are not allowed even as
///   `&#x1B;`. Markup and quotes are escaped (XML 1.0 §2.4, §3.3.3).
/// Pure: no paths, no clock — the same result gives the same bytes.
public struct JUnitReportWriter: Sendable {
    public init() {}

    public func write(_ run: RunResult) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let totals = run.totals
        out += "<testsuites name=\"\(attribute(run.suite))\" tests=\"\(totals.tests)\" failures=\"\(totals.failed)\""
        out += " errors=\"0\" time=\"\(ReportFormat.seconds(run.duration))\">\n"
        for endpoint in run.endpoints { writeSuite(endpoint, run: run, to: &out) }
        out += "</testsuites>\n"
        return out
    }

    private func writeSuite(_ endpoint: EndpointResult, run: RunResult, to out: inout String) {
        let totals = CheckTotals(endpoint)
        let classname = attribute("\(run.suite).\(endpoint.name)")
        out += "  <testsuite name=\"\(classname)\" tests=\"\(totals.tests)\" failures=\"\(totals.failed)\" errors=\"0\""
        out += " skipped=\"\(totals.skipped)\" time=\"\(ReportFormat.seconds(endpoint.duration))\""
        out += " timestamp=\"\(ReportFormat.utc(endpoint.startedAt))\">\n"
        out += "    <properties>\n"
        var properties = [("style", endpoint.style), ("url", endpoint.url), ("reachable", endpoint.reachable ? "true" : "false")]
        if let fingerprint = endpoint.tokenFingerprint { properties.append(("token", fingerprint)) }
        if endpoint.strict { properties.append(("strict", "true")) }
        if let audit = endpoint.scopeAudit {
            properties.append(("scopes.granted", audit.granted.joined(separator: " ")))
            properties.append(("scopes.missing", audit.missing.joined(separator: " ")))
            properties.append(("scopes.excess", audit.excess.joined(separator: " ")))
        }
        for (name, value) in properties {
            out += "      <property name=\"\(attribute(name))\" value=\"\(attribute(value))\"/>\n"
        }
        out += "    </properties>\n"
        for check in endpoint.checks {
            out += "    <testcase classname=\"\(classname)\" name=\"\(attribute("\(check.id): \(check.title)"))\""
            out += " time=\"\(ReportFormat.seconds(check.latency ?? 0))\""
            if endpoint.isExpected(check) {
                let label = check.status == .fail ? "EXPECTED FAILURE " : "EXPECTED WARNING "
                out += ">\n      <system-out>" + text(label + summary(check) + "\n" + body(check)) + "</system-out>\n    </testcase>\n"
                continue
            }
            switch check.status {
            case .pass:
                out += "/>\n"
            case .fail:
                out += ">\n      <failure message=\"\(attribute(summary(check)))\" type=\"\(attribute(check.id))\">"
                out += text(body(check)) + "</failure>\n    </testcase>\n"
            case .skip:
                out += ">\n      <skipped message=\"\(attribute(check.message.isEmpty ? "skipped" : check.message))\"/>\n    </testcase>\n"
            case .warn:
                out += ">\n      <system-out>" + text("WARNING " + summary(check) + "\n" + body(check)) + "</system-out>\n    </testcase>\n"
            }
        }
        out += "  </testsuite>\n"
    }

    private func summary(_ check: CheckResult) -> String {
        var parts: [String] = []
        if !check.message.isEmpty { parts.append(check.message) }
        if !check.expected.isEmpty || !check.actual.isEmpty {
            parts.append("expected \(check.expected.isEmpty ? "—" : check.expected), got \(check.actual.isEmpty ? "—" : check.actual)")
        }
        return parts.isEmpty ? "\(check.id) failed" : parts.joined(separator: "; ")
    }

    private func body(_ check: CheckResult) -> String {
        var lines = ["expected: \(check.expected)", "actual: \(check.actual)"]
        if !check.message.isEmpty { lines.append("detail: \(check.message)") }
        lines.append("reference: \(check.reference)")
        lines.append("severity: \(check.severity.rawValue)")
        return lines.joined(separator: "\n")
    }

    /// Attribute value: controls made visible, markup and whitespace escaped so parsers keep newlines and tabs.
    func attribute(_ value: String) -> String {
        var out = ""
        for scalar in ReportFormat.visible(value).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\t": out += "&#9;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Element text: controls made visible, markup escaped.
    func text(_ value: String) -> String {
        var out = ""
        for scalar in ReportFormat.visible(value).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

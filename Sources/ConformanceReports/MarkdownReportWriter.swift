import OAuth2Conformance

/// Writes a ``RunResult`` as GitHub-flavoured Markdown: a one-line verdict with totals, a table of endpoints, a table
/// of failures and warnings with their references, the scope audit per endpoint, then every check in `<details>`.
/// Pure and deterministic (same result → same bytes); tokens appear only as fingerprints.
public struct MarkdownReportWriter: Sendable {
    public init() {}

    public func write(_ run: RunResult) -> String {
        let totals = run.totals
        var out = verdict(run, totals) + "\n\n"
        out += "## Endpoints\n\n"
        out += "| Endpoint | Style | Result | Passed | Failed | Warnings | Skipped | Time |\n"
        out += "|---|---|---|---:|---:|---:|---:|---:|\n"
        for endpoint in run.endpoints {
            let t = CheckTotals(endpoint)
            let result = t.failed > 0 ? "❌ fail" : endpoint.expectationMet == true ? "✅ as expected"
                : (endpoint.reachable ? (t.warned > 0 ? "⚠️ pass" : "✅ pass") : "❌ unreachable")
            out += "| \(cell(endpoint.name)) | `\(cell(endpoint.style, code: true))` | \(result) | \(t.passed) | \(t.failed) | \(t.warned) | \(t.skipped) | \(ReportFormat.shortDuration(endpoint.duration)) |\n"
        }

        let problems = run.endpoints.flatMap { endpoint in
            endpoint.checks.filter { $0.status == .fail || $0.status == .warn }.map { (endpoint, $0) }
        }
        out += "\n## Failures and warnings\n\n"
        if problems.isEmpty {
            out += "None.\n"
        } else {
            out += "| Endpoint | Check | Status | Expected | Actual | Reference |\n|---|---|---|---|---|---|\n"
            for (endpoint, check) in problems {
                let detail = check.message.isEmpty ? check.actual : (check.actual.isEmpty ? check.message : "\(check.actual) (\(check.message))")
                out += "| \(cell(endpoint.name)) | **\(cell(check.id))** \(cell(check.title)) | \(status(check, in: endpoint)) | \(cell(check.expected)) | \(cell(detail)) | \(cell(check.reference)) |\n"
            }
        }

        out += "\n## Scope audit\n\n"
        let audited = run.endpoints.filter { $0.scopeAudit != nil }
        if audited.isEmpty {
            out += "No endpoint issued a token whose scopes could be read.\n"
        } else {
            out += "| Endpoint | Granted | Missing | Excess | Forbidden granted |\n|---|---|---|---|---|\n"
            for endpoint in audited {
                let audit = endpoint.scopeAudit!
                out += "| \(cell(endpoint.name)) | \(scopes(audit.granted)) | \(scopes(audit.missing)) | \(scopes(audit.excess)) | \(scopes(audit.forbidden)) |\n"
            }
        }

        out += "\n## Details\n"
        for endpoint in run.endpoints {
            let t = CheckTotals(endpoint)
            out += "\n<details><summary>\(html(endpoint.name)) — \(t.failed > 0 ? "❌" : "✅") \(t.passed) passed, \(t.failed) failed, \(t.warned) warnings, \(t.skipped) skipped</summary>\n\n"
            out += "Style `\(cell(endpoint.style, code: true))` · URL `\(cell(endpoint.url, code: true))`"
            if let fingerprint = endpoint.tokenFingerprint { out += " · token `\(fingerprint)`" }
            out += " · network \(ReportFormat.shortDuration(endpoint.networkTime)) of \(ReportFormat.shortDuration(endpoint.duration))\n\n"
            out += "| Check | Status | Expected | Actual | Reference | Latency |\n|---|---|---|---|---|---:|\n"
            for check in endpoint.checks {
                let actual = check.message.isEmpty ? check.actual : (check.actual.isEmpty ? check.message : "\(check.actual) (\(check.message))")
                let latency = check.latency.map(ReportFormat.shortDuration) ?? ""
                out += "| **\(cell(check.id))** \(cell(check.title)) | \(status(check, in: endpoint)) | \(cell(check.expected)) | \(cell(actual)) | \(cell(check.reference)) | \(latency) |\n"
            }
            out += "\n</details>\n"
        }
        return out
    }

    private func verdict(_ run: RunResult, _ t: CheckTotals) -> String {
        let mark = run.failed ? "❌" : "✅"
        let word = run.failed ? "FAILED" : "PASSED"
        let endpoints = run.endpoints.count == 1 ? "1 endpoint" : "\(run.endpoints.count) endpoints"
        let strict = run.endpoints.contains(where: \.strict) ? " (strict: hygiene fails)" : ""
        return "**\(mark) \(cell(run.suite)): \(word)\(strict)** — \(endpoints), \(t.tests) checks: \(t.passed) passed\(t.expected > 0 ? " (\(t.expected) as expected)" : ""), \(t.failed) failed, \(t.warned) warnings, \(t.skipped) skipped · \(ReportFormat.seconds(run.duration)) s · \(ReportFormat.utc(run.startedAt))"
    }

    private func status(_ check: CheckResult, in endpoint: EndpointResult) -> String {
        guard endpoint.isExpected(check) else { return status(check.status) }
        return check.status == .fail ? "✅ expected failure" : "✅ expected warning"
    }

    private func status(_ status: CheckStatus) -> String {
        switch status {
        case .pass: "✅ pass"
        case .fail: "❌ fail"
        case .warn: "⚠️ warn"
        case .skip: "⏭️ skip"
        }
    }

    private func scopes(_ list: [String]) -> String {
        list.isEmpty ? "—" : list.map { "`\(cell($0, code: true))`" }.joined(separator: " ")
    }

    /// A table cell (GitHub-flavoured Markdown tables): always one line with no stray cell delimiter.
    /// Controls made visible (``ReportFormat/visible(_:)``); `\\` and `|` backslash-escaped (so `\|` in the input
    /// cannot become an escaped backslash followed by a delimiter); HTML `<`, `>`, `&` as entities; link brackets
    /// escaped; a backtick (which would close a code span) as `'`; a newline as `<br>`, a tab as a space.
    /// In a code span (`code: true`) only what the table itself reads is escaped: `\`, `|`, the backtick, and a
    /// newline shown as `\u000a`.
    func cell(_ text: String, code: Bool = false) -> String {
        var out = ""
        for scalar in ReportFormat.visible(text).unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "|": out += "\\|"
            case "`": out += "'"
            case "\n": out += code ? "\\u000a" : "<br>"
            case "\t": out += " "
            case "<" where !code: out += "&lt;"
            case ">" where !code: out += "&gt;"
            case "&" where !code: out += "&amp;"
            case "[" where !code, "]" where !code: out += "\\" + String(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private func html(_ text: String) -> String { cell(text) }
}

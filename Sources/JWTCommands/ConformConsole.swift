import JOSECore
import OAuth2Conformance
import Synchronization

/// Console output of `jwt conform`: `::add-mask::` for each issued token (GitHub Actions), a line per endpoint as it
/// finishes (`[2/4]` progress), then the summary. On a terminal (and not in CI) a progress line below the finished
/// endpoints is rewritten in place; elsewhere only plain lines. Never prints a token or a secret. Suite and server
/// text (names, styles, paths) goes through ``ExternalText/escaped(_:)``, so no line it prints can be forged.
final class ConformConsole: Sendable {
    let environment: CommandEnvironment
    let total: Int
    /// Endpoint names in suite order: a finished endpoint is shown at its suite position (`[3/4]` is the third).
    let names: [String]
    let githubActions: Bool
    /// Rewrite a progress line in place: a terminal, outside CI.
    let live: Bool
    private let finished = Mutex(0)

    init(environment: CommandEnvironment, names: [String], githubActions: Bool) {
        self.environment = environment
        self.total = names.count
        self.names = names
        self.githubActions = githubActions
        self.live = environment.stdoutIsTerminal && !githubActions && (environment.variables["CI"] ?? "").isEmpty
    }

    /// Clears the line and returns the cursor to its start (terminal only).
    static let clearLine = "\r\u{1B}[K"

    func progress(_ done: Int) -> String { "… \(done) of \(Plural.count(total, "endpoint")) done" }

    /// Shows the progress line before the first endpoint finishes (terminal only).
    func start() {
        if live, total > 0 { environment.writeOut(progress(0)) }
    }

    /// GitHub's workflow command: the runner hides the value from all later log output. Only a token that is one
    /// line of printable ASCII (``ExternalText/isPrintableASCII(_:)``, RFC 6749 §A.12) is echoed: anything else
    /// could end the command and start another on the next line. Such a token is not echoed, and the endpoint
    /// fails TOK-03 instead.
    var mask: @Sendable (String) -> Void {
        let environment = environment, enabled = githubActions
        return { token in
            if enabled, let line = Self.maskCommand(token) { environment.writeOut(line) }
        }
    }

    /// `::add-mask::TOKEN\n`, or `nil` when the token may not be written into a workflow command.
    static func maskCommand(_ token: String) -> String? {
        ExternalText.isPrintableASCII(token) ? "::add-mask::\(token)\n" : nil
    }

    var endpointFinished: @Sendable (EndpointResult) -> Void {
        { [self] result in
            let done = finished.withLock { value in
                value += 1
                return value
            }
            let position = (self.names.firstIndex(of: result.name) ?? (done - 1)) + 1
            let line = Self.line(result, index: position, total: self.total)
            guard self.live else { return self.environment.writeOut(line) }
            let next = done < self.total ? self.progress(done) : ""
            self.environment.writeOut(Self.clearLine + line + next)
        }
    }

    /// `[3/4] ✓ name (style): …` — `3/4` is the endpoint's position in the suite, whatever order they finish in.
    static func line(_ e: EndpointResult, index: Int, total: Int) -> String {
        let t = CheckTotals(e)
        let mark = t.failed > 0 ? "✗" : (t.warned > 0 ? "!" : "✓")
        var line = "[\(index)/\(total)] \(mark) \(ExternalText.escaped(e.name)) (\(ExternalText.escaped(e.style))): \(t.passed) passed, \(t.failed) failed, \(Plural.count(t.warned, "warning")), \(t.skipped) skipped, \(Int((e.duration * 1000).rounded())) ms"
        let failing = e.checks.filter { $0.status == .fail && !e.isExpected($0) }.map(\.id)
        if !failing.isEmpty { line += " — failed: " + failing.joined(separator: ", ") }
        let expected = e.checks.filter { $0.status == .fail && e.isExpected($0) }.map(\.id)
        if !expected.isEmpty { line += " — failed as expected: " + expected.joined(separator: ", ") }
        if !e.reachable { line += " — unreachable" }
        return line + "\n"
    }

    func summary(_ run: RunResult, reports: [String]) {
        let t = run.totals
        let verdict = (run.failed ? "FAILED" : "PASSED") + (run.endpoints.contains(where: \.strict) ? " (strict: hygiene fails)" : "")
        let asExpected = t.expected > 0 ? " (\(t.expected) as expected)" : ""
        environment.writeOut("\(ExternalText.escaped(run.suite)): \(verdict) — \(Plural.count(run.endpoints.count, "endpoint")), \(Plural.count(t.tests, "check")): \(t.passed) passed\(asExpected), \(t.failed) failed, \(Plural.count(t.warned, "warning")), \(t.skipped) skipped in \(Int((run.duration * 1000).rounded())) ms\n")
        let judged = run.endpoints.compactMap(\.expectationMet)
        if !judged.isEmpty {
            let met = judged.filter { $0 }.count
            let missed = run.endpoints.filter { $0.expectationMet == false }.map { ExternalText.escaped($0.name) }
            environment.writeOut("expectations: \(met) of \(Plural.count(judged.count, "endpoint")) failed and warned exactly as expected\(missed.isEmpty ? "" : " (not: " + missed.joined(separator: ", ") + ")")\n")
            for endpoint in run.endpoints {
                guard let expectation = endpoint.expectation, !expectation.met else { continue }
                environment.writeOut("  \(ExternalText.escaped(endpoint.name)): \(expectation.difference)\n")
            }
        }
        environment.writeOut("reports: \(reports.map(ExternalText.escaped).joined(separator: ", "))\n")
    }
}

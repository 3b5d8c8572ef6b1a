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
    let githubActions: Bool
    /// Rewrite a progress line in place: a terminal, outside CI.
    let live: Bool
    private let finished = Mutex(0)

    init(environment: CommandEnvironment, total: Int, githubActions: Bool) {
        self.environment = environment
        self.total = total
        self.githubActions = githubActions
        self.live = environment.stdoutIsTerminal && !githubActions && (environment.variables["CI"] ?? "").isEmpty
    }

    /// Clears the line and returns the cursor to its start (terminal only).
    static let clearLine = "\r\u{1B}[K"

    func progress(_ done: Int) -> String { "… \(done)/\(total) endpoints done" }

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
            let index = finished.withLock { value in
                value += 1
                return value
            }
            guard self.live else { return self.environment.writeOut(Self.line(result, index: index, total: self.total)) }
            let next = index < self.total ? self.progress(index) : ""
            self.environment.writeOut(Self.clearLine + Self.line(result, index: index, total: self.total) + next)
        }
    }

    static func line(_ e: EndpointResult, index: Int, total: Int) -> String {
        let t = CheckTotals(e.checks)
        let mark = t.failed > 0 ? "✗" : (t.warned > 0 ? "!" : "✓")
        var line = "[\(index)/\(total)] \(mark) \(ExternalText.escaped(e.name)) (\(ExternalText.escaped(e.style))): \(t.passed) passed, \(t.failed) failed, \(t.warned) warnings, \(t.skipped) skipped, \(Int((e.duration * 1000).rounded())) ms"
        let failing = e.checks.filter { $0.status == .fail }.map(\.id)
        if !failing.isEmpty { line += " — failed: " + failing.joined(separator: ", ") }
        if !e.reachable { line += " — unreachable" }
        return line + "\n"
    }

    func summary(_ run: RunResult, reports: [String]) {
        let t = run.totals
        let verdict = run.failed ? "FAILED" : "PASSED"
        environment.writeOut("\(ExternalText.escaped(run.suite)): \(verdict) — \(run.endpoints.count) endpoints, \(t.tests) checks: \(t.passed) passed, \(t.failed) failed, \(t.warned) warnings, \(t.skipped) skipped in \(Int((run.duration * 1000).rounded())) ms\n")
        let judged = run.endpoints.compactMap(\.expectationMet)
        if !judged.isEmpty {
            let met = judged.filter { $0 }.count
            let missed = run.endpoints.filter { $0.expectationMet == false }.map { ExternalText.escaped($0.name) }
            environment.writeOut("expectations: \(met) of \(judged.count) endpoints failed and warned exactly as expected\(missed.isEmpty ? "" : " (not: " + missed.joined(separator: ", ") + ")")\n")
        }
        environment.writeOut("reports: \(reports.map(ExternalText.escaped).joined(separator: ", "))\n")
    }
}

/// How much a check matters when it does not pass. Overridable per endpoint (`severity:` in a suite).
public enum CheckSeverity: String, Sendable, Equatable, CaseIterable, Codable {
    /// A failure fails the run (exit 1).
    case fail
    /// A failure is reported as a warning; the run still passes.
    case warn
    /// Reported for information only; never a failure or a warning.
    case info
}

/// The reported state of one check after severity and allow-list are applied.
public enum CheckStatus: String, Sendable, Equatable, CaseIterable, Codable {
    case pass, fail, warn, skip
}

/// What a check found, before severity and allow-list are applied.
public enum CheckOutcome: Sendable, Equatable {
    /// The expectation holds.
    case pass
    /// The expectation does not hold.
    case fail
    /// A hygiene deviation inside a check (e.g. `expires_in` as a string, `token_type` `bearer`): a warning by
    /// default, a failure under `--strict` (``CheckKind/toleratedSeverity(strict:)``).
    case tolerated
    /// The check does not apply: the suite did not configure it, or the token lacks what it compares
    /// (`reason` says which). Reported as skipped.
    case skip(reason: String)
    /// The check could not run because of what happened to the endpoint (deadline, no token, unreachable): the
    /// judge maps the typed reason (a deadline fails, the rest are skipped).
    case notRun(NotRunReason)
}

/// One check's result for one endpoint: the unit of a JUnit `<testcase>`.
public struct CheckResult: Sendable, Equatable {
    /// Stable id, e.g. `TOK-04`; never reused.
    public var id: String
    public var title: String
    /// The severity in force (after the endpoint's overrides).
    public var severity: CheckSeverity
    public var status: CheckStatus
    /// What was expected and what was seen, as text for people (never a token or secret).
    public var expected: String
    public var actual: String
    /// A short explanation (skip reason, allow-list reason, error detail).
    public var message: String
    /// The RFC section or vendor document the check implements, e.g. `RFC 6749 §5.1`.
    public var reference: String
    /// Seconds spent on the HTTP exchanges this check judged (nil when the check made no request of its own).
    public var latency: Double?

    public init(
        id: String, title: String, severity: CheckSeverity, status: CheckStatus,
        expected: String = "", actual: String = "", message: String = "", reference: String, latency: Double? = nil
    ) {
        self.id = id
        self.title = title
        self.severity = severity
        self.status = status
        self.expected = expected
        self.actual = actual
        self.message = message
        self.reference = reference
        self.latency = latency
    }
}

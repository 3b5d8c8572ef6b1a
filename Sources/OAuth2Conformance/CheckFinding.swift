import JWTValidation

/// What one check found for one endpoint, before severity overrides and the allow-list are applied.
struct CheckFinding {
    var definition: CheckDefinition
    var outcome: CheckOutcome
    var expected: String
    var actual: String
    var message: String
    var latency: Double?

    init(_ definition: CheckDefinition, _ outcome: CheckOutcome, expected: String = "", actual: String = "", message: String = "", latency: Double? = nil) {
        self.definition = definition
        self.outcome = outcome
        self.expected = expected
        self.actual = actual
        self.message = message
        self.latency = latency
    }

    static func skip(_ definition: CheckDefinition, _ reason: String) -> CheckFinding {
        CheckFinding(definition, .skip(reason: reason), message: reason)
    }

    /// A check that could not run for `reason`; the judge decides how it is reported.
    static func notRun(_ definition: CheckDefinition, _ reason: NotRunReason) -> CheckFinding {
        CheckFinding(definition, .notRun(reason), message: reason.text)
    }

    /// Folds validator findings into one outcome: any fail → fail; else any warn → tolerated; else any pass → pass;
    /// else skip with the first reason.
    static func folding(_ definition: CheckDefinition, _ findings: [Finding], expected: String, passActual: String = "") -> CheckFinding {
        let failing = findings.filter { $0.status == .fail }
        if !failing.isEmpty {
            return CheckFinding(definition, .fail, expected: expected, actual: failing.map { "\($0.id): \($0.message)" }.joined(separator: "; "))
        }
        let warning = findings.filter { $0.status == .warn }
        if !warning.isEmpty {
            return CheckFinding(definition, .tolerated, expected: expected, actual: warning.map { "\($0.id): \($0.message)" }.joined(separator: "; "))
        }
        let passing = findings.filter { $0.status == .pass }
        if !passing.isEmpty {
            return CheckFinding(definition, .pass, expected: expected, actual: passActual.isEmpty ? passing.map(\.message).joined(separator: "; ") : passActual)
        }
        return .skip(definition, findings.first?.message ?? "not checked")
    }
}

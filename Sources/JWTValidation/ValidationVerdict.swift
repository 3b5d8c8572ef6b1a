/// What `verify --batch` prints for a token: pass or fail, the ids of the failed and warned checks, the granted
/// scopes. ``Validator/verdict(token:keyRing:)`` builds it without keeping findings; the ids equal those of the
/// full ``ValidationReport`` for the same token and options.
public struct ValidationVerdict: Sendable, Equatable {
    /// Ids of the failed rules, in rule order (empty arrays allocate nothing: a passing token costs no array).
    public private(set) var failedIDs: [String] = []
    /// Ids of the rules that warned, in rule order.
    public private(set) var warnedIDs: [String] = []
    /// Scopes granted by the token.
    public let grantedScopes: [String]

    public init(failedIDs: [String] = [], warnedIDs: [String] = [], grantedScopes: [String]) {
        self.failedIDs = failedIDs
        self.warnedIDs = warnedIDs
        self.grantedScopes = grantedScopes
    }

    /// The same verdict read from a full report.
    public init(_ report: ValidationReport) {
        self.init(failedIDs: report.failedIDs, warnedIDs: report.warnedIDs, grantedScopes: report.grantedScopes)
    }

    public var passed: Bool { failedIDs.isEmpty }
    public var verdict: ValidationReport.Verdict { passed ? .pass : .fail }

    mutating func note(_ finding: Finding) {
        switch finding.status {
        case .fail: failedIDs.append(finding.id)
        case .warn: warnedIDs.append(finding.id)
        case .pass, .skip: break
        }
    }
}

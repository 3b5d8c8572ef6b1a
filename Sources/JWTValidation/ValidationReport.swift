/// Every finding for one token, the scopes it grants, and the verdict.
public struct ValidationReport: Sendable, Equatable {
    public enum Verdict: String, Sendable, Equatable {
        /// No rule failed.
        case pass
        /// At least one rule failed.
        case fail
    }

    /// All findings, in rule order (header, signature, claims, scopes).
    public let findings: [Finding]
    /// Scopes granted by the token.
    public let grantedScopes: [String]
    /// Required scopes not granted.
    public let missingScopes: [String]
    /// Granted scopes beyond the allowed set (empty when no allowed set is configured).
    public let excessScopes: [String]
    /// `kid` of the key that verified the signature, if it has one.
    public let verifiedKeyID: String?
    /// RFC 7638 thumbprint of the key that verified the signature.
    public let verifiedKeyThumbprint: String?
    /// Warnings about how the verdict was reached that no rule owns (e.g. a key from `x5c` used without chain
    /// validation); they never change the verdict.
    public let warnings: [String]

    public init(findings: [Finding], grantedScopes: [String], missingScopes: [String], excessScopes: [String],
                verifiedKeyID: String? = nil, verifiedKeyThumbprint: String? = nil, warnings: [String] = []) {
        self.warnings = warnings
        self.findings = findings
        self.grantedScopes = grantedScopes
        self.missingScopes = missingScopes
        self.excessScopes = excessScopes
        self.verifiedKeyID = verifiedKeyID
        self.verifiedKeyThumbprint = verifiedKeyThumbprint
    }

    public var verdict: Verdict { passed ? .pass : .fail }
    public var passed: Bool { !findings.contains { $0.status == .fail } }
    /// Ids of the failed rules, in order.
    public var failedIDs: [String] { findings.filter { $0.status == .fail }.map(\.id) }
    /// Ids of the checks that warned, in order.
    public var warnedIDs: [String] { findings.filter { $0.status == .warn }.map(\.id) }
    public func finding(_ id: String) -> Finding? { findings.first { $0.id == id } }
}

/// The outcome of one rule for one token: a value, never a thrown error, so a validator can collect them all.
public struct Finding: Sendable, Equatable {
    public enum Status: String, Sendable, Equatable, CaseIterable {
        /// The rule holds.
        case pass
        /// The rule is broken: the token must be rejected.
        case fail
        /// Worth knowing, but not a reason to reject.
        case warn
        /// The rule did not apply (nothing configured to compare against, or a prerequisite is missing).
        case skip
    }

    /// Stable rule id (`ALG-01`, `EXP-01`, …); never renumbered or reused.
    public let id: String
    public let status: Status
    /// What was found, for people. Never contains the token, a secret or key material.
    public let message: String
    /// The specification section the rule implements, e.g. `RFC 7519 §4.1.4`.
    public let section: String

    public init(id: String, status: Status, message: String, section: String) {
        self.id = id
        self.status = status
        self.message = message
        self.section = section
    }
}

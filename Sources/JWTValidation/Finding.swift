/// The outcome of one rule for one token: a value, never a thrown error, so a validator can collect them all.
///
/// The message is rendered on demand: a batch run over many tokens asks only for ids and statuses, and formatting
/// twenty messages per token would cost more than verifying an HMAC.
public struct Finding: Sendable, Equatable, CustomStringConvertible {
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
    /// The specification section the rule implements, e.g. `RFC 7519 §4.1.4`.
    public let section: String
    private let render: @Sendable () -> String

    /// What was found, for people. Never contains the token, a secret or key material.
    public var message: String { render() }

    public init(id: String, status: Status, message: String, section: String) {
        self.init(id: id, status: status, lazyMessage: { message }, section: section)
    }

    /// A finding whose message is formatted only when read.
    public init(id: String, status: Status, lazyMessage: @escaping @Sendable () -> String, section: String) {
        self.id = id
        self.status = status
        self.section = section
        self.render = lazyMessage
    }

    public var description: String { "\(status.rawValue) \(id): \(message) (\(section))" }

    public static func == (lhs: Finding, rhs: Finding) -> Bool {
        lhs.id == rhs.id && lhs.status == rhs.status && lhs.section == rhs.section && lhs.message == rhs.message
    }
}

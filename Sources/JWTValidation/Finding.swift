/// The outcome of one rule for one token: a value, never a thrown error, so a validator can collect them all.
///
/// A rule builds its message only when the context asks for the full findings (``ValidationContext/Detail``): the
/// verdict path of a batch run over many tokens needs ids and statuses, and formatting twenty messages per token
/// would cost more than verifying an HMAC.
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
    /// What the rule is about; select findings by this, never by the shape of ``id``.
    public let group: RuleGroup
    public let status: Status
    /// The specification section the rule implements, e.g. `RFC 7519 §4.1.4`.
    public let section: String
    /// The option that decided this outcome, when the message speaks of one ("no expected typ given", "a missing
    /// exp is allowed"): a front end may add its own name for it. `nil` when no option is involved.
    public let setting: ValidationSetting?
    private let text: String
    private let render: (@Sendable () -> String)?

    /// What was found, for people. Never contains the token, a secret or key material. Empty in a finding of the
    /// verdict path (``ValidationContext/Detail/verdict``), which never leaves ``Validator/verdict(token:keyRing:)``.
    public var message: String { render?() ?? text }

    public init(id: String, group: RuleGroup, status: Status, message: String, section: String, setting: ValidationSetting? = nil) {
        self.id = id
        self.group = group
        self.status = status
        self.section = section
        self.setting = setting
        self.text = message
        self.render = nil
    }

    /// A finding whose message is formatted only when read.
    public init(id: String, group: RuleGroup, status: Status, lazyMessage: @escaping @Sendable () -> String, section: String,
                setting: ValidationSetting? = nil) {
        self.id = id
        self.group = group
        self.status = status
        self.section = section
        self.setting = setting
        self.text = ""
        self.render = lazyMessage
    }

    public var description: String { "\(status.rawValue) \(id): \(message) (\(section))" }

    public static func == (lhs: Finding, rhs: Finding) -> Bool {
        lhs.id == rhs.id && lhs.group == rhs.group && lhs.setting == rhs.setting && lhs.status == rhs.status && lhs.section == rhs.section && lhs.message == rhs.message
    }
}

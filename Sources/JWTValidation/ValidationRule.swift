/// One check of a token. Rules are small values; each returns exactly one ``Finding`` and never throws.
///
/// A rule's logic is written once and serves both paths: the full findings (``Validator/validate(token:keyRing:)``)
/// and the verdict alone (``Validator/verdict(token:keyRing:)``). The outcome helpers below take the context and
/// build the message only when ``ValidationContext/detail`` asks for it.
public protocol ValidationRule: Sendable {
    /// The stable id of the findings this rule returns (`ALG-01`, …).
    var id: String { get }
    /// What the rule is about; every finding it returns carries it.
    var group: RuleGroup { get }
    func evaluate(_ context: ValidationContext) -> Finding
}

extension ValidationRule {
    func pass(_ context: ValidationContext, _ message: @autoclosure () -> String, _ section: String, setting: ValidationSetting? = nil) -> Finding {
        finding(.pass, context, message, section, setting)
    }
    func fail(_ context: ValidationContext, _ message: @autoclosure () -> String, _ section: String, setting: ValidationSetting? = nil) -> Finding {
        finding(.fail, context, message, section, setting)
    }
    func warn(_ context: ValidationContext, _ message: @autoclosure () -> String, _ section: String, setting: ValidationSetting? = nil) -> Finding {
        finding(.warn, context, message, section, setting)
    }
    func skip(_ context: ValidationContext, _ message: @autoclosure () -> String, _ section: String, setting: ValidationSetting? = nil) -> Finding {
        finding(.skip, context, message, section, setting)
    }

    /// The message closure is not escaping: on the verdict path it is never called and nothing is allocated for it.
    private func finding(_ status: Finding.Status, _ context: ValidationContext, _ message: () -> String, _ section: String,
                         _ setting: ValidationSetting?) -> Finding {
        Finding(id: id, group: group, status: status, message: context.detail == .full ? message() : "", section: section, setting: setting)
    }
}

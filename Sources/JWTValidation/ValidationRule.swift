/// One check of a token. Rules are small values; each returns exactly one ``Finding`` and never throws.
public protocol ValidationRule: Sendable {
    /// The stable id of the findings this rule returns (`ALG-01`, …).
    var id: String { get }
    /// What the rule is about; every finding it returns carries it.
    var group: RuleGroup { get }
    func evaluate(_ context: ValidationContext) -> Finding
}

extension ValidationRule {
    func pass(_ message: @autoclosure @escaping @Sendable () -> String, _ section: String, setting: ValidationSetting? = nil) -> Finding {
        Finding(id: id, group: group, status: .pass, lazyMessage: message, section: section, setting: setting)
    }
    func fail(_ message: @autoclosure @escaping @Sendable () -> String, _ section: String, setting: ValidationSetting? = nil) -> Finding {
        Finding(id: id, group: group, status: .fail, lazyMessage: message, section: section, setting: setting)
    }
    func warn(_ message: @autoclosure @escaping @Sendable () -> String, _ section: String, setting: ValidationSetting? = nil) -> Finding {
        Finding(id: id, group: group, status: .warn, lazyMessage: message, section: section, setting: setting)
    }
    func skip(_ message: @autoclosure @escaping @Sendable () -> String, _ section: String, setting: ValidationSetting? = nil) -> Finding {
        Finding(id: id, group: group, status: .skip, lazyMessage: message, section: section, setting: setting)
    }
}

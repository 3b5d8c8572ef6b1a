/// One check of a token. Rules are small values; each returns exactly one ``Finding`` and never throws.
public protocol ValidationRule: Sendable {
    /// The stable id of the findings this rule returns (`ALG-01`, …).
    var id: String { get }
    func evaluate(_ context: ValidationContext) -> Finding
}

extension ValidationRule {
    func pass(_ message: @autoclosure @escaping @Sendable () -> String, _ section: String) -> Finding {
        Finding(id: id, status: .pass, lazyMessage: message, section: section)
    }
    func fail(_ message: @autoclosure @escaping @Sendable () -> String, _ section: String) -> Finding {
        Finding(id: id, status: .fail, lazyMessage: message, section: section)
    }
    func warn(_ message: @autoclosure @escaping @Sendable () -> String, _ section: String) -> Finding {
        Finding(id: id, status: .warn, lazyMessage: message, section: section)
    }
    func skip(_ message: @autoclosure @escaping @Sendable () -> String, _ section: String) -> Finding {
        Finding(id: id, status: .skip, lazyMessage: message, section: section)
    }
}

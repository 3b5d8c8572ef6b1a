/// ANSI styling, on only for a terminal without `NO_COLOR` (https://no-color.org) or `--no-color`.
struct TerminalStyle: Sendable {
    let enabled: Bool

    init(enabled: Bool) { self.enabled = enabled }

    init(environment: CommandEnvironment, noColorFlag: Bool) {
        let noColor = environment.variables["NO_COLOR"].map { !$0.isEmpty } ?? false
        enabled = environment.stdoutIsTerminal && !noColor && !noColorFlag
    }

    private func wrap(_ code: String, _ text: String) -> String { enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    func bold(_ t: String) -> String { wrap("1", t) }
    func dim(_ t: String) -> String { wrap("2", t) }
    func red(_ t: String) -> String { wrap("31", t) }
    func green(_ t: String) -> String { wrap("32", t) }
    func yellow(_ t: String) -> String { wrap("33", t) }
    func cyan(_ t: String) -> String { wrap("36", t) }
}

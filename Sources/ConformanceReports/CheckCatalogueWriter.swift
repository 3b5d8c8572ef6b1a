import JOSECore
import OAuth2Conformance

/// `jwt conform --list-checks`: the check catalogue (``CheckCatalogue/all``, the one source) as aligned text or JSON.
/// conformance/README.md's "Checks" table is kept in step with it by a test.
public struct CheckCatalogueWriter: Sendable {
    public let checks: [CheckDefinition]

    public init(checks: [CheckDefinition] = CheckCatalogue.all) { self.checks = checks }

    /// One line a check: `ID  kind  default  strict  title  (reference)`, under a header line.
    public func text() -> String {
        let header = ["id", "kind", "default", "strict", "title", "reference"]
        let rows = checks.map { [$0.id, $0.kind.rawValue, $0.severity.rawValue, $0.strictSeverity.rawValue, $0.title, $0.reference] }
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated().dropLast() { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in i == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count) }
                .joined(separator: "  ")
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    /// `{"checks": [{id, title, kind, severity, strict_severity, reference}]}` in report order.
    public func json() -> String {
        let items: [JSONValue] = checks.map { check in
            .object(JSONObject([
                .init(name: "id", value: .string(check.id)),
                .init(name: "title", value: .string(check.title)),
                .init(name: "kind", value: .string(check.kind.rawValue)),
                .init(name: "severity", value: .string(check.severity.rawValue)),
                .init(name: "strict_severity", value: .string(check.strictSeverity.rawValue)),
                .init(name: "reference", value: .string(check.reference)),
            ]))
        }
        return JSONValue.object(JSONObject([.init(name: "checks", value: .array(items))])).pretty() + "\n"
    }
}

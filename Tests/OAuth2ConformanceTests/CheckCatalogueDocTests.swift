import Foundation
import OAuth2Conformance
import Testing

/// conformance/README.md's "Checks" table is written by hand for people; ``CheckCatalogue`` is what the runner and
/// `jwt conform --list-checks` use. They must name the same ids, in the same order, with the same kind and severities.
@Suite struct CheckCatalogueDocTests {
    struct Row: Equatable, CustomStringConvertible {
        let id: String, kind: String, severity: String, strict: String
        var description: String { "\(id) \(kind) \(severity)/\(strict)" }
    }

    /// The rows of the table whose header is `| id | check | kind | default | with `--strict` | reference |`.
    static func documentedRows() throws -> [Row] {
        let text = try MockSuiteTests.suiteText("README.md")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix("| id | check | kind | default |") }, "the Checks table header is gone")
        var rows: [Row] = []
        for line in lines[(header + 2)...] {
            guard line.hasPrefix("|") else { break }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            // "" | id | check | kind | default | strict | reference | ""
            try #require(cells.count == 8, "malformed row: \(line)")
            rows.append(Row(id: cells[1], kind: cells[3], severity: cells[4], strict: cells[5]))
        }
        return rows
    }

    @Test func readmeTableAgreesWithTheCatalogue() throws {
        let documented = try Self.documentedRows()
        let catalogue = CheckCatalogue.all.map {
            Row(id: $0.id, kind: $0.kind.rawValue, severity: $0.severity.rawValue, strict: $0.strictSeverity.rawValue)
        }
        #expect(documented.map(\.id) == catalogue.map(\.id), "ids or their order differ")
        for (doc, code) in zip(documented, catalogue) where doc != code {
            Issue.record("conformance/README.md says \(doc), the catalogue says \(code)")
        }
    }

    @Test func idsAreUnique() {
        let ids = CheckCatalogue.all.map(\.id)
        #expect(Set(ids).count == ids.count)
    }
}

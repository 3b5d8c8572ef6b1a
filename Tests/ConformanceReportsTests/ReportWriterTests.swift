import ConformanceReports
import Foundation
import OAuth2Conformance
import Testing

@Suite struct ReportWriterTests {
    @Test func junitMatchesGolden() throws {
        try Fixture.assertGolden(JUnitReportWriter().write(Fixture.run), "demo.junit.xml")
    }

    @Test func markdownMatchesGolden() throws {
        try Fixture.assertGolden(MarkdownReportWriter().write(Fixture.run), "demo.md")
    }

    @Test func jsonMatchesGolden() throws {
        try Fixture.assertGolden(JSONReportWriter().write(Fixture.run), "demo.json")
    }

    @Test func junitValidatesAgainstTheSchema() throws {
        #expect(FileManager.default.fileExists(atPath: Fixture.schema.path), "JUnit schema missing at \(Fixture.schema.path)")
        let (status, output) = try Fixture.xmllint(JUnitReportWriter().write(Fixture.run))
        #expect(status == 0, "xmllint: \(output)")
        #expect(output.contains("validates"))
    }

    @Test func junitGoldenFileValidatesToo() throws {
        let golden = try String(contentsOf: Fixture.goldenDirectory.appendingPathComponent("demo.junit.xml"), encoding: .utf8)
        let (status, output) = try Fixture.xmllint(golden)
        #expect(status == 0, "xmllint: \(output)")
    }

    @Test func junitCountsMatchTheCases() {
        let xml = JUnitReportWriter().write(Fixture.run)
        #expect(xml.contains("<testsuites name=\"demo\" tests=\"7\" failures=\"3\" errors=\"0\" time=\"1.235\">"))
        #expect(xml.contains("<testsuite name=\"demo.json-style\" tests=\"5\" failures=\"2\" errors=\"0\" skipped=\"1\" time=\"0.046\" timestamp=\"2027-01-15T08:00:00Z\">"))
        #expect(xml.components(separatedBy: "<testcase ").count - 1 == 7)
        #expect(xml.components(separatedBy: "<failure ").count - 1 == 3)
        #expect(xml.components(separatedBy: "<skipped ").count - 1 == 2)
        #expect(!xml.contains("\u{1B}"))
        #expect(xml.contains("name=\"JWT-06: aud contains the expected audience\""))
        #expect(xml.contains("classname=\"demo.json-style\""))
    }

    @Test(arguments: [(0.0, "0.000"), (0.0004, "0.000"), (0.0005, "0.001"), (1.2345, "1.235"), (12.0, "12.000"), (-3, "0.000"), (.nan, "0.000")])
    func timesHaveThreeDecimalsAndADot(_ value: Double, _ text: String) {
        let run = RunResult(suite: "t", startedAt: 0, duration: value, endpoints: [])
        #expect(JUnitReportWriter().write(run).contains("time=\"\(text)\""))
    }

    @Test func markdownHasVerdictTablesAndAudit() {
        let md = MarkdownReportWriter().write(Fixture.run)
        #expect(md.hasPrefix("**❌ demo: FAILED** — 2 endpoints, 7 checks: 1 passed, 3 failed, 1 warnings, 2 skipped"))
        #expect(md.contains("| json-style | `json-client-credentials` | ❌ fail | 1 | 2 | 1 | 1 | 46 ms |"))
        #expect(md.contains("| json-style | `admin` `read` | — | `admin` | — |"))
        #expect(md.contains("RFC 7519 §4.1.3"))
        #expect(md.contains("<details><summary>down"))
        #expect(md.contains("\\|"))
        #expect(!md.contains("\u{1B}"))
    }

    @Test func stepSummaryIsTrimmedUnderTheLimitWithANote() {
        let big = String(repeating: "| row | with | text |\n", count: 100_000) + "<details>\n" + String(repeating: "x\n", count: 10)
        let trimmed = StepSummary.trimmed("<details>\n" + big, limit: 100_000)
        #expect(trimmed.utf8.count <= 100_000)
        #expect(trimmed.contains("this summary was trimmed"))
        #expect(trimmed.contains("</details>"))
        #expect(StepSummary.trimmed("short", limit: 100) == "short")
    }
}

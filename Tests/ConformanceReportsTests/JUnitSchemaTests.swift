import ConformanceReports
import Foundation
import Testing

/// The project's JUnit schema (`Schemas/jwt-junit.xsd`) is strict: each mutation of the golden report below breaks
/// one rule the writer always keeps (a required attribute, the element order, the number formats), and the schema
/// must refuse it. Without this, a lax schema would let a regression in ``JUnitReportWriter`` through.
@Suite struct JUnitSchemaTests {
    static let golden: String = {
        (try? String(contentsOf: Fixture.goldenDirectory.appendingPathComponent("demo.junit.xml"), encoding: .utf8)) ?? ""
    }()

    @Test func theSchemaIsInTheRepository() {
        #expect(Fixture.schema.path.hasSuffix("Tests/ConformanceReportsTests/Schemas/jwt-junit.xsd"))
        #expect(FileManager.default.fileExists(atPath: Fixture.schema.path))
    }

    @Test(arguments: [
        ("testcase without name", #"<testcase classname="demo.down" name="TOK-02: response is a JSON object with a JSON content type" time="0.000">"#,
         #"<testcase classname="demo.down" time="0.000">"#),
        ("testsuite without timestamp", #" time="0.001" timestamp="2027-01-15T08:00:00Z">"#, #" time="0.001">"#),
        ("testsuite without skipped", #"failures="1" errors="0" skipped="1""#, #"failures="1" errors="0""#),
        ("failure without type", #"type="SCP-02">"#, ">"),
        ("time with two decimals", #"name="demo" tests="7" failures="3" errors="0" time="1.235""#, #"name="demo" tests="7" failures="3" errors="0" time="1.23""#),
        ("timestamp with an offset", "timestamp=\"2027-01-15T08:00:00Z\">\n    <properties>\n      <property name=\"style\" value=\"client-secret-basic\"/>",
         "timestamp=\"2027-01-15T08:00:00+00:00\">\n    <properties>\n      <property name=\"style\" value=\"client-secret-basic\"/>"),
        ("properties after a testcase", "    <properties>\n      <property name=\"style\" value=\"client-secret-basic\"/>\n      <property name=\"url\" value=\"http://127.0.0.1:9/oauth2/token\"/>\n      <property name=\"reachable\" value=\"false\"/>\n    </properties>\n",
         ""),
        ("an element the writer never emits", "<skipped message=\"no token response\"/>", "<error message=\"no token response\"/>"),
        ("two results in one testcase", "<skipped message=\"no token response\"/>", "<skipped message=\"no token response\"/><system-out>x</system-out>"),
    ])
    func refusesWhatTheWriterNeverEmits(rule: String, original: String, mutated: String) throws {
        #expect(Self.golden.contains(original), "\(rule): the golden file changed; update this mutation")
        var xml = Self.golden
        if let range = xml.range(of: original) { xml.replaceSubrange(range, with: mutated) }
        if rule == "properties after a testcase" {
            // Put the removed block back after the suite's last testcase.
            let tail = "    </testcase>\n  </testsuite>\n</testsuites>\n"
            if let range = xml.range(of: tail, options: .backwards) {
                xml.replaceSubrange(range, with: "    </testcase>\n" + original + "  </testsuite>\n</testsuites>\n")
            }
        }
        #expect(xml != Self.golden)
        let (status, output) = try Fixture.xmllint(xml)
        #expect(status != 0, "\(rule): the schema accepted it: \(output)")
    }
}

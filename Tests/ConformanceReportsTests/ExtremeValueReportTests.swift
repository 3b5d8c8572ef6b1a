import ConformanceReports
import Foundation
import JOSECore
import OAuth2Conformance
import Testing

/// Issue 9 item 1 for the reports: a run that met huge or non-finite numbers (a token server's `expires_in` of 1e400,
/// an `iat` of 1e300, a clock far off) still gives every report format, and the JUnit report still validates. The
/// run itself ending with findings is `LargeNumberRunTests` (OAuth2ConformanceTests).
@Suite struct ExtremeValueReportTests {
    static let numbers: [Double] = [1e300, -1e300, .infinity, -.infinity, .nan, 9.3e18, -9.3e18]

    static func run(_ value: Double) -> RunResult {
        RunResult(suite: "extreme", startedAt: value, duration: value, endpoints: [
            EndpointResult(
                name: "huge", style: "client-secret-basic", url: "http://127.0.0.1:9/oauth2/token",
                checks: [
                    CheckResult(id: "TOK-05", title: "expires_in is a positive number", severity: .fail, status: .fail,
                                expected: "a positive integer", actual: "1e400", reference: "RFC 6749 §5.1", latency: value),
                    CheckResult(id: "DATE-01", title: "iat is not in the future", severity: .fail, status: .fail,
                                expected: "a NumericDate", actual: "iat 1e300 is past the year 9999", reference: "RFC 7519 §4.1.6"),
                ],
                startedAt: value, duration: value, networkTime: value, reachable: true
            ),
        ])
    }

    @Test(.bug(id: "9"), arguments: numbers)
    func everyFormatIsWritten(_ value: Double) throws {
        let result = Self.run(value)
        let junit = JUnitReportWriter().write(result)
        #expect(junit.contains("<testsuites") && junit.contains("</testsuites>"))
        #expect(!junit.contains("nan") && !junit.contains("inf"), "times are finite numbers: \(junit)")
        let (status, output) = try Fixture.xmllint(junit)
        #expect(status == 0, "\(value): \(output)")
        #expect(MarkdownReportWriter().write(result).contains("TOK-05"))
        #expect((try? JSONParser().parse(JSONReportWriter().write(result))) != nil, "\(value): the JSON report does not parse")
    }
}

import JOSECore
@testable import OAuth2Conformance
import Testing

/// Issue 9 item 1 for `conform`: a token server's huge `expires_in` or huge `iat`/`exp` ends as findings; the run
/// finishes with findings (the reports over such a run: ExtremeValueReportTests in ConformanceReportsTests).
@Suite struct LargeNumberRunTests {
    static func cases() -> [(String, FakeTokenServer.Faults)] {
        func f(_ change: (inout FakeTokenServer.Faults) -> Void) -> FakeTokenServer.Faults {
            var faults = FakeTokenServer.Faults()
            change(&faults)
            return faults
        }
        return [
            ("expires_in 1e400", f { $0.expiresIn = .number(JSONNumber(text: "1e400")) }),
            ("expires_in -1e400", f { $0.expiresIn = .number(JSONNumber(text: "-1e400")) }),
            ("expires_in \"1e400\"", f { $0.expiresIn = "1e400" }),
            ("expires_in \"NaN\"", f { $0.expiresIn = "NaN" }),
            ("expires_in 9223372036854775807", f { $0.expiresIn = .number(JSONNumber(text: "9223372036854775807")) }),
            ("expires_in \"9223372036854775808\"", f { $0.expiresIn = "9223372036854775808" }),
            ("expires_in 1e19", f { $0.expiresIn = .number(JSONNumber(text: "1e19")) }),
            ("iat 1e300", f { $0.iatOffset = 1e300 }),
            ("iat -1e300", f { $0.iatOffset = -1e300 }),
            ("exp 1e19", f { $0.lifetime = 1e19 }),
            ("iat and exp 1e300, expires_in 1e400", f { $0.iatOffset = 1e300; $0.lifetime = 1e300; $0.expiresIn = .number(JSONNumber(text: "1e400")) }),
            ("iat -1e19, exp 1e19", f { $0.iatOffset = -1e19; $0.lifetime = 2e19 }),
        ]
    }

    @Test(.bug(id: "9"), arguments: cases())
    func runFinishesAndReportsAreWritten(name: String, faults: FakeTokenServer.Faults) async throws {
        let suite = try loadSuite(baseSuite)
        let runner = ConformanceRunner(transport: FakeTokenServer(faults: faults), now: { FakeTokenServer.now })
        let result = await runner.run(suite)
        let e = try #require(result.endpoints.first, "\(name)")
        #expect(e.checks.count == 28, "\(name)")
        #expect(!(ids(e, .fail) + ids(e, .warn)).isEmpty, "\(name): a huge number went unnoticed")
    }
}

/// A server's `Date` header with huge or negative fields is unreadable (CLK-01 fails), never an overflow.
@Suite struct HTTPDateBoundsTests {
    @Test(.bug(id: "9"), arguments: [
        "Sun, 06 Nov 9223372036854775807 08:49:37 GMT",
        "Sun, 06 Nov -9223372036854775808 08:49:37 GMT",
        "Sun, 06 Nov 1994 -9223372036854775807:00:00 GMT",
        "Sun, 06 Nov 1994 08:-9223372036854775807:00 GMT",
        "Sun, 06 Nov 1994 08:49:-9223372036854775807 GMT",
        "Sun, 06 Nov 0 08:49:37 GMT",
        "Thu, 31 Apr 2025 08:49:37 GMT",
        "Sun, 29 Feb 2023 08:49:37 GMT",
    ])
    func hugeFieldsAreUnreadable(text: String) {
        #expect(HTTPDate.parse(text) == nil)
    }

    @Test func ordinaryDateParses() {
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == 784_111_777)
    }
}

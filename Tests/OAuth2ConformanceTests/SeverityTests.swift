import OAuth2Conformance
import Testing

/// Issue 11 item 3, "severity by what it means": every check of the catalogue by its kind. Essential checks fail
/// with or without strict; hygiene checks warn by default and fail under strict; a tolerated deviation inside any
/// check is hygiene; an explicit `severity:` entry wins over both.
@Suite struct SeverityTests {
    /// The hygiene checks, decided in conformance/README.md ("Severity"): the user of the endpoint cannot change
    /// them and they do not decide whether the credential works.
    static let hygiene: Set<String> = ["TOK-06", "TOK-07", "TOK-08", "JWT-08", "CLK-01", "CLK-02", "ALW-01"]

    static func endpoint(strict: Bool, severity: [String: CheckSeverity] = [:]) throws -> EndpointConfiguration {
        var e = try #require(try loadSuite(baseSuite).endpoints.first)
        e.strict = strict
        e.severity = severity
        return e
    }

    @Test(arguments: CheckCatalogue.all)
    func eachCheckHasTheSeverityOfItsKind(_ check: CheckDefinition) throws {
        let isHygiene = Self.hygiene.contains(check.id)
        #expect(check.kind == (isHygiene ? .hygiene : .essential), "\(check.id)")
        #expect(try Self.endpoint(strict: false).severity(of: check) == (isHygiene ? .warn : .fail), "\(check.id)")
        #expect(try Self.endpoint(strict: true).severity(of: check) == .fail, "\(check.id)")
        #expect(check.severity == (isHygiene ? .warn : .fail) && check.strictSeverity == .fail)
        // A tolerated deviation (token_type case, string expires_in, missing Date) is hygiene in any check.
        #expect(try Self.endpoint(strict: false).toleratedSeverity(of: check) == .warn, "\(check.id)")
        #expect(try Self.endpoint(strict: true).toleratedSeverity(of: check) == .fail, "\(check.id)")
        // An explicit entry wins over the kind and over strict.
        for explicit in CheckSeverity.allCases {
            for strict in [false, true] {
                let e = try Self.endpoint(strict: strict, severity: [check.id: explicit])
                #expect(e.severity(of: check) == explicit && e.toleratedSeverity(of: check) == explicit, "\(check.id)")
            }
        }
    }

    @Test func strictSuiteKeyAndStrictCopy() throws {
        let loaded = try loadSuite(baseSuite.replacingOccurrences(of: "concurrency: 4}", with: "concurrency: 4, strict: true}"))
        #expect(loaded.defaults.strict && loaded.endpoints.allSatisfy(\.strict))
        let plain = try loadSuite(baseSuite)
        #expect(!plain.defaults.strict && !plain.endpoints.contains(where: \.strict))
        let strict = plain.strict()
        #expect(strict.defaults.strict && strict.endpoints.allSatisfy(\.strict))
        do {
            _ = try loadSuite(baseSuite.replacingOccurrences(of: "concurrency: 4}", with: "concurrency: 4, strict: yes-please}"))
            Issue.record("a non-boolean strict was accepted")
        } catch {
            let message = (error as? ConformanceError)?.message ?? "\(error)"
            #expect(message.contains("defaults.strict"), "\(message)")
        }
    }
}

import JOSECore
import OAuth2Conformance
import Testing

/// `ConformanceError` codes: unique, each with its class; a file that cannot be read is missing input (66), a file
/// that is there but empty is a malformed suite value (65).
@Suite struct ConformanceErrorCodeTests {
    @Test func codesAreUniqueAndNamedCONF() {
        let codes = ConformanceError.Code.allCases
        #expect(Set(codes.map(\.rawValue)).count == codes.count)
        #expect(codes.count == 9)
        for code in codes {
            #expect(code.rawValue.wholeMatch(of: /CONF-\d{3}/) != nil, "\(code)")
            #expect(ConformanceError.Code(rawValue: code.rawValue) == code)
        }
    }

    @Test(arguments: [
        (ConformanceError.Code.invalidSuite, ErrorClass.malformedInput), (.unknownKey, .malformedInput),
        (.missingVariable, .malformedInput), (.literalSecret, .malformedInput), (.invalidURL, .malformedInput),
        (.invalidValue, .malformedInput), (.unreadableFile, .inputMissing), (.unknownEndpoint, .malformedInput),
        (.cleartextRefused, .malformedInput),
    ])
    func eachCodeHasItsClass(_ code: ConformanceError.Code, _ errorClass: ErrorClass) {
        #expect(ConformanceError(code, "x").errorClass == errorClass)
    }

    static let suite = """
        endpoints:
          - {name: e, style: client-secret-post, token_url: "https://auth.test/t", client_id: c, client_secret: {file: s.txt}}
        """

    @Test func anEmptySecretFileIsAnInvalidValueNotAMissingFile() {
        let loader = SuiteLoader(variables: [:]) { _ throws(ConformanceError) in Array("\n".utf8) }
        #expect(throws: ConformanceError(.invalidValue, "")) { try loader.load(Self.suite, name: "s") }
    }

    @Test func anUnreadableSecretFileKeepsItsClass() {
        let loader = SuiteLoader(variables: [:]) { path throws(ConformanceError) in throw ConformanceError(.unreadableFile, path) }
        do {
            _ = try loader.load(Self.suite, name: "s")
            Issue.record("loaded a suite whose secret file cannot be read")
        } catch {
            #expect(error.errorClass == .inputMissing, "\(error.code): \(error.message)")
        }
    }
}

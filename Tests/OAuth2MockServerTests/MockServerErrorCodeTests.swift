import JOSECore
import OAuth2MockServer
import Testing

/// `MockServerError` codes: unique, each with its class (the `jwt mock` exit code follows from it).
@Suite struct MockServerErrorCodeTests {
    @Test func codesAreUniqueAndNamedMOCK() {
        let codes = MockServerError.Code.allCases
        #expect(Set(codes.map(\.rawValue)).count == codes.count)
        #expect(codes.count == 4)
        for code in codes { #expect(code.rawValue.wholeMatch(of: /MOCK-\d{3}/) != nil, "\(code)") }
    }

    @Test(arguments: [
        (MockServerError.Code.invalidConfiguration, ErrorClass.malformedInput), (.secretUnavailable, .inputMissing),
        (.signingKey, .malformedInput), (.server, .unreachable),
    ])
    func eachCodeHasItsClass(_ code: MockServerError.Code, _ errorClass: ErrorClass) {
        #expect(MockServerError(code, "x").errorClass == errorClass)
    }
}

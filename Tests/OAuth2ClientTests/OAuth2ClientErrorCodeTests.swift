import JOSECore
import OAuth2Client
import Testing

/// `OAuth2ClientError` codes: unique, each with its class and its report label.
@Suite struct OAuth2ClientErrorCodeTests {
    @Test func codesAndLabelsAreUnique() {
        let codes = OAuth2ClientError.Code.allCases
        #expect(Set(codes.map(\.rawValue)).count == codes.count)
        #expect(Set(codes.map(\.label)).count == codes.count)
        #expect(codes.count == 14)
        for code in codes {
            #expect(code.rawValue.wholeMatch(of: /OA2-\d{3}/) != nil, "\(code)")
            #expect(OAuth2ClientError.Code(rawValue: code.rawValue) == code)
        }
    }

    @Test(arguments: [
        (OAuth2ClientError.Code.invalidURL, ErrorClass.malformedInput), (.network, .unreachable), (.timeout, .unreachable),
        (.responseTooLarge, .malformedInput), (.endpointError, .unreachable), (.malformedResponse, .malformedInput),
        (.secretUnavailable, .inputMissing), (.insecureRefused, .usage), (.cacheIO, .inputMissing),
        (.redirect, .unreachable), (.discovery, .malformedInput), (.cleartextRefused, .usage),
        (.proxyConfiguration, .malformedInput), (.caBundle, .malformedInput),
    ])
    func eachCodeHasItsClass(_ code: OAuth2ClientError.Code, _ errorClass: ErrorClass) {
        #expect(OAuth2ClientError(code, "x").errorClass == errorClass)
    }

    @Test func equalityIsOnTheCodeOnly() {
        #expect(OAuth2ClientError(.endpointError, "a", status: 400) == OAuth2ClientError(.endpointError, "b", status: 503))
        #expect(OAuth2ClientError(.endpointError, "a") != OAuth2ClientError(.redirect, "a"))
    }
}

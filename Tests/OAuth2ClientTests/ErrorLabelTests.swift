import JWTTestSupport
import OAuth2MockServer
import Testing
@testable import OAuth2Client

@Suite("Error labels")
struct ErrorLabelTests {
    @Test(arguments: [
        (OAuth2ClientError(.endpointError, "", status: 503), "http-503"),
        (OAuth2ClientError(.timeout, ""), "timeout"),
        (OAuth2ClientError(.redirect, "", status: 302), "redirect-302"),
    ])
    func labels(_ error: OAuth2ClientError, _ label: String) {
        #expect(error.label == label)
        #expect(error.description.hasPrefix(error.code.rawValue))
    }
}

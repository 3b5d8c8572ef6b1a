import JWTTestSupport
import OAuth2MockServer
import Testing
@testable import OAuth2Client

@Suite("Faults on non-token routes")
struct NonTokenRouteFaultTests {
    @Test(arguments: [("slow", OAuth2ClientError.Code.timeout), ("connection-closed", .network), ("503", .endpointError)])
    func jwksFaults(_ fault: String, _ code: OAuth2ClientError.Code) async throws {
        var config = MockConfiguration.demo
        config.slowDelay = .seconds(2)
        try await withMockAndHTTP(config) { server, http in
            let loader = KeyDocumentLoader(transport: FaultHeaderTransport(base: http, fault: fault))
            // Only the slow fault needs a short request timeout (under its 2 s delay); the others answer at once, and a
            // loaded machine must not turn them into timeouts.
            let requestTimeout: Duration? = fault == "slow" ? .milliseconds(500) : nil
            let fetch = await loader.fetch(.jwksURL(server.baseURL + "/jwks.json"), deadline: .seconds(60), requestTimeout: requestTimeout)
            #expect(throws: OAuth2ClientError(code, "")) { try fetch.get() }
            #expect(!fetch.deadlineReached, "the request's own timeout, not the fetch's deadline")
        }
    }
}

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
            let fetcher = JWKSFetcher(transport: FaultHeaderTransport(base: http, fault: fault), timeout: .milliseconds(500))
            do {
                _ = try await fetcher.fetch(server.baseURL + "/jwks.json")
                Issue.record("expected \(code)")
            } catch let error as OAuth2ClientError {
                #expect(error.code == code)
            }
        }
    }
}

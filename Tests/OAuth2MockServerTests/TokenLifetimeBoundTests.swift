import JOSECore
import JWTTestSupport
import Testing
@testable import OAuth2MockServer

/// Issue 9 item 1 for the mock: `token_lifetime` and the clock cannot overflow `iat + lifetime`.
@Suite struct TokenLifetimeBoundTests {
    static let client = "clients: [{client_id: a, client_secret: x}]"

    @Test(.bug(id: "9"), arguments: ["9223372036854775807", "3162240001", "99999999999999999999", "1e400", "-9223372036854775808"])
    func hugeLifetimeIsAConfigurationError(value: String) {
        #expect(throws: MockServerError(.invalidConfiguration, "")) {
            try MockConfiguration.load(yaml: "token_lifetime: \(value)\n" + Self.client, variables: [:], readFile: { _ in nil })
        }
    }

    @Test func boundIsStatedInTheMessage() {
        do {
            _ = try MockConfiguration.load(yaml: "token_lifetime: 9223372036854775807\n" + Self.client, variables: [:], readFile: { _ in nil })
            Issue.record("accepted")
        } catch {
            #expect(error.message.contains("token_lifetime 9223372036854775807 is over"), "\(error.message)")
        }
    }

    @Test func hundredYearsIsAccepted() throws {
        let config = try MockConfiguration.load(yaml: "token_lifetime: \(MockConfiguration.maxTokenLifetime)\n" + Self.client, variables: [:], readFile: { _ in nil })
        #expect(config.tokenLifetime == MockConfiguration.maxTokenLifetime)
    }

    /// Set in code (no YAML check) or with a clock out of range, the token route answers 500, never traps.
    @Test(.bug(id: "9"), arguments: [(Int.max, 1_700_000_000.0), (Int.min, 1_700_000_000), (3600, 1e300), (3600, -1e19), (3600, .nan)])
    func outOfRangeTimesAreAServerError(lifetime: Int, now: Double) throws {
        var configuration = MockConfiguration.demo
        configuration.tokenLifetime = lifetime
        let service = try MockServer.makeService(configuration: configuration, now: { now })
        let client = try #require(configuration.client("demo-json"))
        let grant = MockService.Grant(client: client, audience: "https://api.mock.example", scopes: ["read"], tenant: nil)
        #expect(throws: MockServerError(.server, "")) { try service.tokenMembers(grant, style: .rfc6749, fault: .none) }
        let answer = service.tokenAnswer(grant, style: .rfc6749, fault: .none)
        #expect(answer.status == 500)
    }

    @Test func ordinaryLifetimeStillIssues() throws {
        let service = try MockServer.makeService(configuration: .demo, now: { 1_700_000_000 })
        let client = try #require(MockConfiguration.demo.client("demo-json"))
        let grant = MockService.Grant(client: client, audience: "https://api.mock.example", scopes: ["read"], tenant: nil)
        let members = try service.tokenMembers(grant, style: .rfc6749, fault: .none)
        #expect(members["expires_in"]?.numberValue?.intValue == MockConfiguration.demo.tokenLifetime)
    }
}

import JOSECore
import Testing
@testable import OAuth2MockServer

@Suite("Mock YAML configuration")
struct MockConfigurationTests {
    static let yaml = """
        issuer: https://mock.example
        token_lifetime: 600
        algorithm: ES256
        audience: https://api.example
        clients:
          - client_id: a
            client_secret_env: A_SECRET
            styles: [client-secret-post]
            scopes: [read]
            fault: "503"
          - client_id: b
            client_secret_file: /secrets/b
          - client_id: c
            client_secret: literal-demo
        tenants:
          operator_tenant: op
          generate: 250
          page_size: 100
        resource:
          scope: write
        slow_delay_ms: 1500
        vendor_quirks: false
        """

    @Test func loadsEverything() throws {
        let config = try MockConfiguration.load(yaml: Self.yaml, variables: ["A_SECRET": "from-env"], readFile: { $0 == "/secrets/b" ? "from-file\n" : nil })
        #expect(config.issuer == "https://mock.example")
        #expect(config.tokenLifetime == 600)
        #expect(config.clients.map(\.clientID) == ["a", "b", "c"])
        #expect(config.clients.map(\.secret) == ["from-env", "from-file", "literal-demo"])
        #expect(config.clients[0].fault == .status503)
        #expect(config.clients[0].styles == ["client-secret-post"])
        #expect(config.userTenants.count == 250 && config.userTenants.first == "tenant-001")
        #expect(config.operatorTenant == "op")
        #expect(config.resourceScope == "write" && config.resourceAudience == "https://api.example")
        #expect(config.slowDelay == .milliseconds(1500))
        #expect(!config.vendorQuirks)
    }

    @Test(arguments: [
        ("clients: [{client_id: a}]", MockServerError.Code.invalidConfiguration),
        ("clients: [{client_id: a, client_secret_env: NOPE}]", .secretUnavailable),
        ("clients: [{client_id: a, client_secret: x, fault: explode}]", .invalidConfiguration),
        ("clients: []", .invalidConfiguration),
        ("{{{", .invalidConfiguration),
        ("token_lifetime: -1\nclients: [{client_id: a, client_secret: x}]", .invalidConfiguration),
    ])
    func rejectsBadConfigs(_ yaml: String, _ code: MockServerError.Code) {
        #expect(throws: MockServerError(code, "")) { try MockConfiguration.load(yaml: yaml, variables: [:], readFile: { _ in nil }) }
    }

    @Test func errorsDoNotEchoSecrets() {
        do {
            _ = try MockConfiguration.load(yaml: "clients: [{client_id: a, client_secret: s3cr3t-value, fault: boom}]", variables: [:], readFile: { _ in nil })
        } catch {
            #expect(!error.message.contains("s3cr3t"))
        }
    }

    @Test(arguments: [("503", MockFault.status503, nil), ("503:2", .status503, 2), ("alg-none", .algNone, nil)] as [(String, MockFault, Int?)])
    func faultParsing(_ text: String, _ fault: MockFault, _ times: Int?) {
        let parsed = MockFault.parse(text)
        #expect(parsed?.fault == fault && parsed?.times == times)
    }

    @Test(arguments: ["", "explode", "503:0", "503:x"])
    func faultParsingRejects(_ text: String) {
        #expect(MockFault.parse(text) == nil)
    }
}

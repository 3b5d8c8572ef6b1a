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

@Suite("Mock server lifecycle and identifiers")
struct MockLifecycleTests {
    @Test func busyPortIsATypedError() async throws {
        let service = try MockServer.makeService(configuration: .demo)
        let first = try await MockServer.start(service: service)
        await #expect(throws: MockServerError(.server, "")) {
            _ = try await MockServer.start(service: try MockServer.makeService(configuration: .demo), port: first.port)
        }
        await first.stop()
    }

    @Test func jtiIsRandomAndUUIDShaped() {
        let ids = (0..<100).map { _ in MockService.randomID() }
        #expect(Set(ids).count == 100)
        for id in ids {
            #expect(id.count == 36)
            #expect(id.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12])
        }
    }

    @Test func unknownKeyFileIsSigningKeyError() {
        var config = MockConfiguration.demo
        config.keyFile = "/nonexistent.pem"
        #expect(throws: MockServerError(.signingKey, "")) { try MockServer.makeService(configuration: config) }
        config.keyFile = nil
        config.algorithm = "none"
        #expect(throws: MockServerError(.signingKey, "")) { try MockServer.makeService(configuration: config) }
    }
}

@Suite("Token body fast path")
struct TokenBodyTests {
    @Test(arguments: [
        ["access_token": "eyJ.abc-_.x1", "token_type": "Bearer", "expires_in": 60] as JSONObject,
        ["access_token": "eyJ.abc"] as JSONObject,
        ["access_token": "needs \"escaping\"", "scope": "a"] as JSONObject,
        ["token_type": "Bearer"] as JSONObject,
    ])
    func sameJSONAsTheGenericWriter(_ members: JSONObject) throws {
        let fast = try JSONParser().parse(MockService.tokenBody(members))
        #expect(fast.objectValue.map { Set($0.names) } == Set(members.names))
        for name in members.names { #expect(fast[name] == members[name]) }
    }
}

@Suite("HTTP Basic decoding in the mock")
struct BasicDecodingTests {
    @Test(arguments: [("Zm9vYmFy", "foobar"), ("Zm9vYg==", "foob"), ("Zm8=", "fo"), ("", "")])
    func decodes(_ encoded: String, _ plain: String) {
        #expect(StandardBase64.decode(encoded) == Array(plain.utf8))
    }

    @Test(arguments: ["Zm9v!", "Zm9", "Zg=a", "Z===", "Zm9v-_"])
    func rejects(_ encoded: String) {
        #expect(StandardBase64.decode(encoded) == nil)
    }

    @Test func rfc6749BasicDecodesFormEncodedParts() {
        let header = "Basic MVBwRyUyRlErMTp6JTJGdFo5VndGWnFBcG1JUSUyQlpIMUk1cExrJTJGdUI0dWQlM0FYMiUyRjhiTCUyQndmRlR0MXJGdyUzRA=="
        let decoded = RequestCredentials.rfc6749Basic(header)
        #expect(decoded?.id == "1PpG/Q 1")
        #expect(decoded?.secret == "z/tZ9VwFZqApmIQ+ZH1I5pLk/uB4ud:X2/8bL+wfFTt1rFw=")
    }
}
